using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// cert.crl: WinRM on Windows Server 2008 R2 checks the revocation of AMT's TLS certificate; when the CRL cannot be
/// had, updating AMT or removing its provisioning information fails ("A security error occurred", 0x80072F8F). Takes
/// the certificate from <c>--amt-cert</c> or from a bare TLS handshake with the device (no credentials), fetches each
/// HTTP CRL distribution point, and checks that the CRL is current, comes from the certificate's issuer and is signed
/// by it (issuer from <c>--root-ca</c>/<c>--ca-file</c>), and does not list the certificate.
/// Verdicts: pass, unreachable, stale, bad-signature, revoked.
/// </summary>
public sealed class CrlProbe : IProbe
{
    private readonly CertificateProbeOptions _options;

    public CrlProbe(CertificateProbeOptions? options = null) => _options = options ?? CertificateProbeOptions.Default;

    public string Id => "cert.crl";

    public string Description => "The CRL distribution points of AMT's TLS certificate answer with a current CRL signed by its issuer";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "unreachable", "stale", "bad-signature", "revoked"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var evidence = new List<Evidence>();
        X509Certificate2 cert;
        if (context.Certificates.AmtCertificateFile is { } file)
        {
            try
            {
                cert = CertificateFile.LoadAll(file, context.Certificates.PfxPassword)[0];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                return ProbeResult.Error(Id, $"cannot read --amt-cert {file}: {ex.Message.Trim()}").Keyed("probe.cannot-read-file", "--amt-cert", file, ex.Message.Trim());
            }

            evidence.Add(new("certificate", $"{file}: {cert.Subject}"));
        }
        else if (!string.IsNullOrWhiteSpace(context.Target))
        {
            try
            {
                var capture = await TlsCertificateCapture.CaptureAsync(context.Target, context.TlsPort, context.Timeout / 3, cancellationToken).ConfigureAwait(false);
                if (capture.RawCertificate is not { } raw) return ProbeResult.Inconclusive(Id, "the TLS handshake gave no certificate").Keyed("probe.cert.crl.no-tls-certificate");
                cert = X509CertificateLoader.LoadCertificate(raw);
            }
            catch (WsmanException ex)
            {
                return ProbeResult.Inconclusive(Id, $"no TLS certificate from {context.Target}:{context.TlsPort}: {ex.Message} (or give --amt-cert FILE)").Keyed("probe.cert.crl.tls-failed", $"{context.Target}:{context.TlsPort}", ex.Message);
            }

            evidence.Add(new("certificate", $"from {context.Target}:{context.TlsPort}: {cert.Subject}"));
        }
        else
        {
            return ProbeResult.Inconclusive(Id, "no AMT certificate: give --target or --amt-cert FILE").Keyed("probe.cert.crl.no-certificate");
        }

        using (cert)
        {
            return await JudgeAsync(cert, context, evidence, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ProbeResult> JudgeAsync(X509Certificate2 cert, ProbeContext context, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var urls = CertificateFacts.From(cert).CrlDistributionPoints;
        evidence.Add(new("issuer", cert.Issuer));
        evidence.Add(new("serial number", cert.SerialNumber));
        evidence.Add(Evidence.Ours("CRL distribution points", urls.Count == 0 ? "(none)" : string.Join(", ", urls)));
        if (urls.Count == 0)
        {
            return ProbeResult.Inconclusive(Id, "the certificate names no CRL distribution point (AMT's own self-signed certificates have none; ConfigMgr's CA-issued ones do)", evidence).Keyed("probe.cert.crl.no-cdp");
        }

        var issuer = FindIssuer(cert, context, evidence);
        var now = _options.Time.GetUtcNow();
        var results = new List<(string Url, string Verdict, string Text)>();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 3 })
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(1, context.Timeout.TotalSeconds / (2 * urls.Count))),
            MaxResponseContentBufferSize = _options.MaxCrlBytes,
        };
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                results.Add((url, "skipped", "not fetched: only HTTP distribution points are checked (WinRM tries them in order)"));
                continue;
            }

            byte[] data;
            try
            {
                using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    results.Add((url, "unreachable", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
                    continue;
                }

                data = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                results.Add((url, "unreachable", ex is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0.#} s" : ex.Message));
                continue;
            }

            CertificateRevocationList crl;
            try
            {
                crl = CertificateRevocationList.Parse(data);
            }
            catch (FormatException ex)
            {
                results.Add((url, "unreachable", $"{data.Length} bytes that are not a CRL ({ex.Message})"));
                continue;
            }

            var validity = $"thisUpdate {crl.ThisUpdate:yyyy-MM-dd HH:mm}, nextUpdate {(crl.NextUpdate is { } n ? n.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "(none)")} UTC, {crl.RevokedSerials.Count} revoked";
            if (!crl.Issuer.RawData.AsSpan().SequenceEqual(cert.IssuerName.RawData))
            {
                results.Add((url, "bad-signature", $"issued by {crl.Issuer.Name}, not by the certificate's issuer; {validity}"));
            }
            else if (issuer is not null && !crl.IsSignedBy(issuer))
            {
                results.Add((url, "bad-signature", $"the signature does not verify with {issuer.Subject}'s key; {validity}"));
            }
            else if (!crl.IsCurrent(now))
            {
                results.Add((url, "stale", $"out of date: {validity}"));
            }
            else if (crl.Lists(cert))
            {
                results.Add((url, "revoked", $"lists this certificate's serial number; {validity}"));
            }
            else
            {
                results.Add((url, "pass", $"current{(issuer is null ? " (signature not checked: give the issuer with --root-ca or --ca-file)" : ", signed by the issuer")}; {validity}"));
            }
        }

        foreach (var (url, _, text) in results) evidence.Add(new Evidence(url, text).Keyed("evidence.label.crl-url", url));
        // Revoked anywhere decides; else one good CRL is what WinRM needs; else the first problem found.
        if (results.FirstOrDefault(r => r.Verdict == "revoked") is { Url: not null } revoked)
        {
            return ProbeResult.Finding(Id, "revoked", $"the AMT certificate is revoked ({revoked.Url})", evidence, "prov.crl-check-failed").Keyed("probe.cert.crl.revoked", revoked.Url);
        }

        if (results.Any(r => r.Verdict == "pass"))
        {
            return ProbeResult.Pass(Id, $"the CRL at {results.First(r => r.Verdict == "pass").Url} is reachable and current", evidence).Keyed("probe.cert.crl.pass", results.First(r => r.Verdict == "pass").Url);
        }

        var worst = results.FirstOrDefault(r => r.Verdict is "bad-signature" or "stale" or "unreachable");
        if (worst.Url is null)
        {
            return ProbeResult.Inconclusive(Id, "no HTTP CRL distribution point to fetch", evidence).Keyed("probe.cert.crl.no-http-cdp");
        }

        var summary = worst.Verdict switch
        {
            "stale" => $"the CRL at {worst.Url} is out of date: revocation cannot be checked",
            "bad-signature" => $"the CRL at {worst.Url} is not the issuer's: {worst.Text}",
            _ => $"no CRL distribution point could be fetched ({worst.Url}: {worst.Text})",
        };
        return ProbeResult.Finding(Id, worst.Verdict, summary, evidence, "prov.crl-check-failed").Keyed(worst.Verdict switch
        {
            "stale" => ProbeLine.Of("probe.cert.crl.stale", "", worst.Url),
            "bad-signature" => ProbeLine.Of("probe.cert.crl.bad-signature", "", worst.Url),
            _ => ProbeLine.Of("probe.cert.crl.unreachable", "", worst.Url, worst.Text),
        });
    }

    /// <summary>The issuer's certificate from the files given (--root-ca, --ca-file), matched by subject; null when none matches.</summary>
    private static X509Certificate2? FindIssuer(X509Certificate2 cert, ProbeContext context, List<Evidence> evidence)
    {
        if (cert.SubjectName.RawData.AsSpan().SequenceEqual(cert.IssuerName.RawData)) return cert;
        foreach (var file in new[] { context.RootCaFile, context.CaFile }.OfType<string>())
        {
            try
            {
                foreach (var candidate in CertificateFile.LoadAll(file, null))
                {
                    if (candidate.SubjectName.RawData.AsSpan().SequenceEqual(cert.IssuerName.RawData))
                    {
                        evidence.Add(new("issuer certificate", file));
                        return candidate;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                evidence.Add(new("issuer certificate", $"{file}: {ex.Message.Trim()}"));
            }
        }

        return null;
    }
}
