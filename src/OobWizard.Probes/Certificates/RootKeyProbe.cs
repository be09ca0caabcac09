using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// cert.root-key: AMT cannot use a provisioning chain whose root CA key is longer than 2048 bits
/// (catalog: prov.root-key-too-long). Reads the file given with --root-ca; touches nothing else.
/// Verdicts: pass, too-long.
/// </summary>
public sealed class RootKeyProbe : IProbe
{
    public const int MaxRsaBits = 2048;

    public string Id => "cert.root-key";

    public string Description => "Key length of the root CA certificate that issued the AMT provisioning certificate";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "too-long"];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (context.RootCaFile is not { } file)
        {
            return Task.FromResult(ProbeResult.Inconclusive(Id, "no root CA certificate given (--root-ca FILE)").Keyed("probe.cert.no-root-ca"));
        }

        X509Certificate2 root;
        try
        {
            root = CertificateFile.Load(file, context.Certificates.PfxPassword);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return Task.FromResult(ProbeResult.Error(Id, $"cannot read --root-ca {file}: {ex.Message}").Keyed("probe.cannot-read-file", "--root-ca", file, ex.Message));
        }

        using (root)
        {
            using var rsa = root.GetRSAPublicKey();
            var algorithm = root.PublicKey.Oid.FriendlyName ?? root.PublicKey.Oid.Value ?? "unknown";
            var bits = rsa?.KeySize ?? root.PublicKey.GetECDsaPublicKey()?.KeySize ?? 0;
            List<Evidence> evidence =
            [
                new("root CA", root.Subject),
                new("key", $"{algorithm} {bits.ToString(CultureInfo.InvariantCulture)} bits"),
                new("SHA-1 thumbprint", root.Thumbprint),
                new("file", file),
            ];
            if (rsa is null)
            {
                return Task.FromResult(ProbeResult.Inconclusive(Id, $"the root CA key is {algorithm}, not RSA: check AMT's support for it by hand", evidence).Keyed("probe.cert.root-key.not-rsa", algorithm));
            }

            return Task.FromResult(bits > MaxRsaBits
                ? ProbeResult.Finding(Id, "too-long", $"the root CA key has {bits} bits; AMT supports at most {MaxRsaBits}", evidence, "prov.root-key-too-long").Keyed("probe.cert.root-key.too-long", bits, MaxRsaBits)
                : ProbeResult.Pass(Id, $"the root CA key has {bits} bits (AMT supports up to {MaxRsaBits})", evidence).Keyed("probe.cert.root-key.pass", bits, MaxRsaBits));
        }
    }
}
