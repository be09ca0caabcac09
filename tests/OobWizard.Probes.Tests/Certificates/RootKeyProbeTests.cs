using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Probes.Certificates;
using Xunit;

namespace OobWizard.Probes.Tests.Certificates;

public sealed class RootKeyProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-rootkey-").FullName;

    private string WriteRoot(int bits, bool pem)
    {
        using var key = RSA.Create(bits);
        var request = new CertificateRequest($"CN=Fabrikam Root {bits}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(_dir, $"root{bits}.{(pem ? "pem" : "cer")}");
        if (pem)
        {
            File.WriteAllText(path, cert.ExportCertificatePem());
        }
        else
        {
            File.WriteAllBytes(path, cert.Export(X509ContentType.Cert));
        }

        return path;
    }

    [Theory]
    [InlineData(2048, true, ProbeOutcome.Pass, "pass")]
    [InlineData(1024, false, ProbeOutcome.Pass, "pass")]
    [InlineData(4096, true, ProbeOutcome.Finding, "too-long")]
    [InlineData(3072, false, ProbeOutcome.Finding, "too-long")]
    public async Task TheVerdict_FollowsTheRootKeyLength(int bits, bool pem, ProbeOutcome outcome, string verdict)
    {
        var result = await new RootKeyProbe().RunAsync(new ProbeContext { RootCaFile = WriteRoot(bits, pem) }, CancellationToken.None);

        Assert.Equal((outcome, verdict), (result.Outcome, result.Verdict));
        Assert.Contains(result.Evidence, e => e.Name == "key" && e.Value.EndsWith($" {bits} bits", StringComparison.Ordinal));
        Assert.Equal(verdict == "too-long", result.SuggestedDiagnoses.Contains("prov.root-key-too-long"));
    }

    [Fact]
    public async Task WithoutARootFile_ItCannotDecide()
    {
        var result = await new RootKeyProbe().RunAsync(new ProbeContext(), CancellationToken.None);

        Assert.Equal(ProbeOutcome.Inconclusive, result.Outcome);
        Assert.Contains("--root-ca", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNoCertificate_IsAnErrorNamingTheFile()
    {
        var path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "not a certificate");

        var result = await new RootKeyProbe().RunAsync(new ProbeContext { RootCaFile = path }, CancellationToken.None);

        Assert.Equal(ProbeOutcome.Error, result.Outcome);
        Assert.Contains(path, result.Summary, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
