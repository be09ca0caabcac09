using System.Net.Security;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.tls: a bare TLS handshake on 16993 that records the device certificate even when it does not validate, then
/// judges it: a "date zero" start (1999/2000, the firmware's clock unset), expiry, and its names against the FQDN in
/// use. No credentials travel over this connection.
/// </summary>
public sealed class AmtTlsProbe : IProbe
{
    private readonly AmtProbeOptions _options;

    public AmtTlsProbe(AmtProbeOptions options) => _options = options;

    public string Id => "amt.tls";

    public string Description => "Is AMT's TLS certificate in date, correctly dated, and issued to the name in use?";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "bad-date", "name-mismatch", "expired"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (AmtProbeSupport.RequireTarget(Id, context) is { } missing) return missing;
        TlsCapture capture;
        try
        {
            capture = await TlsCertificateCapture.CaptureAsync(context.Target!, context.TlsPort, context.Timeout * 0.9, cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanTransportException ex) when (ex.SocketError == System.Net.Sockets.SocketError.ConnectionRefused)
        {
            return ProbeResult.Inconclusive(Id, $"nothing listens on TLS port {context.TlsPort}: AMT does not use TLS here", [new("TLS port", "closed (refused)")]);
        }
        catch (WsmanException ex)
        {
            return AmtProbeSupport.FromException(Id, context, ex);
        }

        if (capture.Certificate is not { } cert)
        {
            return ProbeResult.Inconclusive(Id, "the TLS handshake completed without a certificate");
        }

        var evidence = new List<Evidence>(cert.ToEvidence())
        {
            new("TLS protocol", $"{capture.Protocol} ({capture.CipherSuite})"),
            new("TLS validation", capture.Errors == SslPolicyErrors.None ? "valid" : capture.Errors.ToString()),
        };

        var now = _options.Time.GetUtcNow();
        if (cert.HasZeroDate)
        {
            return ProbeResult.Finding(Id, "bad-date", $"the certificate starts on {cert.NotBefore:yyyy-MM-dd}: made with AMT's clock unset (\"date zero\")", evidence, AmtDiagnoses.CertZeroDate, AmtDiagnoses.DeviceInternalError);
        }

        if (cert.IsExpired(now))
        {
            return ProbeResult.Finding(Id, "expired", $"the certificate expired on {cert.NotAfter:yyyy-MM-dd}", evidence, AmtDiagnoses.CertExpired);
        }

        if (cert.IsNotYetValid(now))
        {
            return ProbeResult.Finding(Id, "bad-date", $"the certificate is not valid before {cert.NotBefore:yyyy-MM-dd}: AMT's clock or the issuer's is wrong", evidence, AmtDiagnoses.CertZeroDate);
        }

        var inUse = await FqdnInUseAsync(context, cancellationToken).ConfigureAwait(false);
        evidence.Add(new("FQDN in use", inUse ?? "(unknown: give --target as a name, or a password to read HostOSFQDN)"));
        if (inUse is not null && !cert.Matches(inUse))
        {
            return ProbeResult.Finding(Id, "name-mismatch", $"the certificate names {string.Join(", ", cert.DnsNames)}, not {inUse}", evidence, AmtDiagnoses.RenamedOrMoved);
        }

        return ProbeResult.Pass(Id, $"certificate valid until {cert.NotAfter:yyyy-MM-dd}{(inUse is null ? "" : $" for {inUse}")}", evidence);
    }

    /// <summary>The target when it is a name; otherwise the OS FQDN AMT reports (needs credentials; best effort).</summary>
    private static async Task<string?> FqdnInUseAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (AmtProbeSupport.IsDnsName(context.Target)) return context.Target!.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(context.Password)) return null;
        using var client = AmtProbeSupport.CreateClient(context);
        try
        {
            var settings = await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellationToken).ConfigureAwait(false);
            return settings["HostOSFQDN"]?.Trim() is { Length: > 0 } os ? os : AmtGeneralProbe.AmtFqdn(settings);
        }
        catch (WsmanException)
        {
            return null;
        }
    }
}
