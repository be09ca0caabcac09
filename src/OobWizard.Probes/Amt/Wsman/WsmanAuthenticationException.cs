namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// The device refused the credentials: HTTP 401 after the Digest exchange. AMT answers a wrong password (or a locked
/// account) this way, with an HTML body rather than a SOAP fault.
/// </summary>
public sealed class WsmanAuthenticationException : WsmanException
{
    public WsmanAuthenticationException(AmtChallenge challenge, bool credentialsSent)
        : base(credentialsSent ? "the device refused the credentials (HTTP 401)" : "the device requires credentials (HTTP 401) and none were given")
    {
        Challenge = challenge;
        CredentialsSent = credentialsSent;
    }

    public AmtChallenge Challenge { get; }

    public bool CredentialsSent { get; }
}
