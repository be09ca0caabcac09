using System.Net.Security;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// The device's TLS certificate did not validate, so the client closed the connection before sending any request
/// (and so before any credentials). The captured certificate is the evidence.
/// </summary>
public sealed class WsmanCertificateRejectedException : WsmanException
{
    public WsmanCertificateRejectedException(CertificateFacts? certificate, SslPolicyErrors errors, Exception? inner = null)
        : base($"the device's TLS certificate did not validate ({errors}); no credentials were sent. Use --ca-file to trust its issuer or --insecure to go on anyway", inner)
    {
        Certificate = certificate;
        Errors = errors;
    }

    public CertificateFacts? Certificate { get; }

    public SslPolicyErrors Errors { get; }
}
