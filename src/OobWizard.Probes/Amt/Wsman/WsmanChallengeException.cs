namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// The device asked for credentials with a challenge this client cannot answer (no nonce, an unknown algorithm,
/// garbage, Basic only), so nothing was sent. Not a refusal of the password: no diagnosis follows from it.
/// </summary>
public sealed class WsmanChallengeException : WsmanException
{
    public WsmanChallengeException(string reason, AmtChallenge challenge)
        : base($"the device's authentication challenge cannot be answered: {reason}; no credentials were sent")
    {
        Reason = reason;
        Challenge = challenge;
    }

    /// <summary>Why the challenge cannot be answered, one clause.</summary>
    public string Reason { get; }

    public AmtChallenge Challenge { get; }
}
