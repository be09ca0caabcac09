namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// The device refused the credentials: HTTP 401 after the Digest exchange. AMT answers a wrong password (or a locked
/// account) this way, with an HTML body rather than a SOAP fault.
/// </summary>
public sealed class WsmanAuthenticationException : WsmanException
{
    public WsmanAuthenticationException(AmtChallenge challenge, bool credentialsSent, bool refusedEarlier = false)
        : base(credentialsSent ? "the device refused the credentials (HTTP 401)"
            : refusedEarlier ? "the password was refused earlier in this run; it is not sent again"
            : "the device requires credentials (HTTP 401) and none were given")
    {
        Challenge = challenge;
        CredentialsSent = credentialsSent;
        RefusedEarlier = refusedEarlier;
    }

    /// <summary>Nothing was sent because this user/password was refused earlier in the run (see <see cref="CredentialGuard"/>).</summary>
    public bool RefusedEarlier { get; }

    public AmtChallenge Challenge { get; }

    public bool CredentialsSent { get; }
}
