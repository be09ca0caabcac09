using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.cert-hashes: enumerates AMT_ProvisioningCertificateHash and, given --root-ca, checks that the root's
/// thumbprint (SHA-1, SHA-256 or SHA-384, by HashType) is listed and enabled. Without a root file it shows the list
/// and leaves the decision to the manual question.
/// </summary>
public sealed class AmtCertHashesProbe : AmtProbe
{
    public AmtCertHashesProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.cert-hashes";

    public override string Description => "Is the provisioning root CA's thumbprint in AMT's certificate hash list, and active?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "missing"];

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        X509Certificate2? root = null;
        if (context.RootCaFile is { } file)
        {
            try
            {
                root = Certificates.CertificateFile.Load(file, context.Certificates.PfxPassword);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                return ProbeResult.Error(Id, $"cannot read --root-ca {file}: {ex.Message}").Keyed("probe.cannot-read-file", "--root-ca", file, ex.Message);
            }
        }

        using (root)
        {
            using var client = scope.Client();
            IReadOnlyList<WsmanInstance> hashes;
            try
            {
                hashes = await client.EnumerateAsync("AMT_ProvisioningCertificateHash", cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (WsmanException ex)
            {
                return scope.FromException(ex);
            }

            var evidence = new List<Evidence>();
            foreach (var h in hashes)
            {
                var name = h["ElementName"] ?? h["Description"] ?? h["InstanceID"] ?? "(unnamed)";
                var flags = new List<string> { HashTypeName(h.Long("HashType")) };
                if (h.Bool("IsDefault") == true) flags.Add("default");
                flags.Add(h.Bool("Enabled") == true ? "active" : "inactive");
                evidence.Add(new Evidence($"hash: {name}", $"{Hex(h["HashData"])} ({string.Join(", ", flags)})").Keyed("evidence.label.hash", name));
            }

            if (root is null)
            {
                evidence.Insert(0, new("entries", hashes.Count.ToString(CultureInfo.InvariantCulture)));
                return ProbeResult.Inconclusive(Id, $"{hashes.Count} {(hashes.Count == 1 ? "hash" : "hashes")} listed; trust in the provisioning root was not checked (give --root-ca FILE)", evidence).Keyed(hashes.Count == 1 ? "probe.amt.cert-hashes.unchecked.one" : "probe.amt.cert-hashes.unchecked.many", hashes.Count);
            }

            var thumbprints = new Dictionary<long, byte[]>
            {
                [1] = SHA1.HashData(root.RawData),
                [2] = SHA256.HashData(root.RawData),
                [3] = SHA384.HashData(root.RawData),
            };
            evidence.Insert(0, new("root CA", root.Subject));
            evidence.Insert(1, new("root CA SHA-1", Convert.ToHexString(thumbprints[1])));
            evidence.Insert(2, new("root CA SHA-256", Convert.ToHexString(thumbprints[2])));
            var match = hashes.FirstOrDefault(h =>
                h.Long("HashType") is { } type && thumbprints.TryGetValue(type, out var expected) && Decode(h["HashData"]) is { } data && data.AsSpan().SequenceEqual(expected));
            if (match is null)
            {
                return ProbeResult.Finding(Id, "missing", $"the root CA's thumbprint is not among AMT's {hashes.Count} hashes", evidence, AmtDiagnoses.CertHashMissing).Keyed("probe.amt.cert-hashes.missing", hashes.Count);
            }

            if (match.Bool("Enabled") != true)
            {
                return ProbeResult.Finding(Id, "missing", "the root CA's thumbprint is listed but not active", evidence, AmtDiagnoses.CertHashMissing).Keyed("probe.amt.cert-hashes.inactive");
            }

            return ProbeResult.Pass(Id, $"the root CA's thumbprint is listed and active ({match["ElementName"] ?? "unnamed"})", evidence).Keyed("probe.amt.cert-hashes.pass", match["ElementName"] ?? "unnamed");
        }
    }

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        try
        {
            return Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Hex(string? base64) => Decode(base64) is { } data ? Convert.ToHexString(data) : "(unreadable)";

    private static string HashTypeName(long? type) => type switch
    {
        1 => "SHA-1",
        2 => "SHA-256",
        3 => "SHA-384",
        _ => $"hash type {type?.ToString(CultureInfo.InvariantCulture) ?? "?"}",
    };
}
