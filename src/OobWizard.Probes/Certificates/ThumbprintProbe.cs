using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Probes.Amt;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// cert.thumbprint: the SHA-1 and SHA-256 thumbprints of the root CA (<c>--root-ca</c>) in the form the MEBx shows
/// them (hex pairs separated by spaces), and, when AMT's hash list can be read (target and AMT password), whether the
/// root is in it and active (catalog: prov.cert-hash-missing). Offline it gives the thumbprints to compare by hand.
/// Verdicts: pass, missing.
/// </summary>
public sealed class ThumbprintProbe : IProbe
{
    public string Id => "cert.thumbprint";

    public string Description => "The root CA's SHA-1/SHA-256 thumbprints, as the MEBx shows them, against AMT's hash list";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "missing"];

    /// <summary>"AB CD EF ...": the MEBx's "View Certificate Hashes" shows each byte as a hex pair.</summary>
    public static string MebxFormat(ReadOnlySpan<byte> hash) => string.Join(' ', Convert.ToHexString(hash).Chunk(2).Select(c => new string(c)));

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (context.RootCaFile is not { } file)
        {
            return ProbeResult.Inconclusive(Id, "no root CA certificate given (--root-ca FILE)").Keyed("probe.cert.no-root-ca");
        }

        X509Certificate2 root;
        try
        {
            root = CertificateFile.Load(file, context.Certificates.PfxPassword);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return ProbeResult.Error(Id, $"cannot read --root-ca {file}: {ex.Message}").Keyed("probe.cannot-read-file", "--root-ca", file, ex.Message);
        }

        using (root)
        {
            List<Evidence> evidence =
            [
                new("root CA", root.Subject),
                new("SHA-1 (as the MEBx shows it)", MebxFormat(SHA1.HashData(root.RawData))),
                new("SHA-256 (as the MEBx shows it)", MebxFormat(SHA256.HashData(root.RawData))),
                new("file", file),
            ];
            if (string.IsNullOrWhiteSpace(context.Target) || string.IsNullOrEmpty(context.Password))
            {
                return ProbeResult.Inconclusive(Id, "compare these with MEBx > Intel(R) AMT Configuration > Remote Setup and Configuration > TLS PKI > Manage Certificate Hashes (or give --target and the AMT password)", evidence).Keyed("probe.cert.thumbprint.compare-in-mebx");
            }

            // The AMT side of the comparison is amt.cert-hashes' (one reader of the hash list).
            var amt = await new AmtCertHashesProbe(AmtProbeOptions.Default).RunAsync(context, cancellationToken).ConfigureAwait(false);
            evidence.Add(new("AMT hash list", $"{amt.Verdict}: {amt.Summary}"));
            return amt.Verdict switch
            {
                "pass" => ProbeResult.Pass(Id, "the root CA's thumbprint is in AMT's hash list and active", evidence).Keyed("probe.cert.thumbprint.pass"),
                "missing" => ProbeResult.Finding(Id, "missing", amt.Summary, evidence, amt.SuggestedDiagnoses.ToArray()) with { SummaryKey = amt.SummaryKey, SummaryArgs = amt.SummaryArgs },
                _ => ProbeResult.Inconclusive(Id, $"AMT's hash list could not be read ({amt.Summary}); compare the thumbprints in the MEBx", evidence)
                    .Keyed("probe.cert.thumbprint.unread", amt.SummaryKey is { } k ? new ProbeLine(amt.Summary, k, amt.SummaryArgs) : amt.Summary),
            };
        }
    }
}
