using System.Net.Security;
using System.Security.Authentication;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>The outcome of a bare TLS handshake: the certificate as presented, why it would not validate, and the protocol.</summary>
public sealed record TlsCapture(CertificateFacts? Certificate, SslPolicyErrors Errors, SslProtocols Protocol, string? CipherSuite)
{
    /// <summary>The certificate as sent (DER), for chain building against --ca-file.</summary>
    public byte[]? RawCertificate { get; init; }
}
