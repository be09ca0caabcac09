using System.Security.Cryptography;
using System.Text;

namespace OobWizard.Probes;

/// <summary>
/// Remembers, for one run, which user/password pairs a device refused (HTTP 401 after a Digest answer). AMT can lock
/// an account after repeated failures (its 401 page says so), so a refused password is never sent again in the same
/// run: every AMT probe, <c>check</c> and the wizard share one guard through <see cref="ProbeRun"/>. Only a SHA-256 of
/// the pair is kept, in memory.
/// </summary>
public sealed class CredentialGuard
{
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Whether this password was refused for this user earlier in the run.</summary>
    public bool IsRefused(string user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        lock (_lock)
        {
            return _refused.Contains(Key(user, password));
        }
    }

    /// <summary>Records a refusal; from now on no request carries this pair.</summary>
    public void Refuse(string user, string password)
    {
        lock (_lock)
        {
            _refused.Add(Key(user, password));
        }
    }

    private static string Key(string user, string password) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user + "\0" + password)));
}
