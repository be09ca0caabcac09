namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// The Digest nonce a device last accepted for a user/password, with its nonce count, so later requests answer it
/// at once instead of first drawing a 401 (one round trip per request instead of two, as MeshCommander does). A
/// nonce is kept only after the device accepted the password with it, so an unproven password never goes out twice.
/// </summary>
public sealed class DigestSession
{
    private readonly Lock _lock = new();
    private DigestChallenge? _challenge;
    private string? _owner;
    private int _count;

    /// <summary>The accepted challenge for this pair and the next nonce count, or null.</summary>
    internal (DigestChallenge Challenge, int Count)? Next(string owner)
    {
        lock (_lock)
        {
            if (_challenge is null || !string.Equals(_owner, owner, StringComparison.Ordinal)) return null;
            _count++;
            return (_challenge, _count);
        }
    }

    internal void Accepted(string owner, DigestChallenge challenge, int count)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_challenge, challenge))
            {
                _challenge = challenge;
                _count = count;
            }

            _owner = owner;
        }
    }

    internal void Forget()
    {
        lock (_lock)
        {
            _challenge = null;
            _owner = null;
            _count = 0;
        }
    }
}
