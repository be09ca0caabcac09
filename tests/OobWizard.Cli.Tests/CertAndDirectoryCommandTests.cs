using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

/// <summary>`oobwizard cert FILE...` on generated files, and `check` with directory options.</summary>
public sealed class CertAndDirectoryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-certcmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Cert_OnARootAndAPfx_PrintsTheVerdicts_AndNeverThePassword()
    {
        using var rootKey = RSA.Create(4096);
        var rootRequest = new CertificateRequest("CN=Fabrikam Root CA", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(5));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sccm01.corp.fabrikam.test, OU=Intel(R) Client Setup Certificate", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("2.16.840.1.113741.1.2.3")], false));
        using var issued = request.Create(root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(300), [1, 2, 3, 4]);
        using var withKey = issued.CopyWithPrivateKey(key);
        var rootPath = Path.Combine(_dir, "root.pem");
        var pfxPath = Path.Combine(_dir, "prov.pfx");
        File.WriteAllText(rootPath, root.ExportCertificatePem());
        File.WriteAllBytes(pfxPath, withKey.Export(X509ContentType.Pkcs12, "Pfx-Secret-42"));

        using var run = new CliRun();
        run.Env["OOBW_PFX_PASSWORD"] = "Pfx-Secret-42";
        run.Run("", "cert", rootPath, pfxPath);

        Assert.Equal(1, run.Exit); // the 4096-bit root is a finding
        Assert.Contains("✗ cert.root-key: the root CA key has 4096 bits", run.Out, StringComparison.Ordinal);
        Assert.Contains("✓ cert.provisioning: usable for AMT provisioning", run.Out, StringComparison.Ordinal);
        Assert.Contains(root.Thumbprint[..2] + " " + root.Thumbprint[2..4], run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Pfx-Secret-42", run.Out + run.Err, StringComparison.Ordinal);
    }

    /// <summary>
    /// A root CA kept as a PFX (with or without a password, named .pfx or not) is read by every cert.* probe that
    /// loads it, never "ASN1 corrupted data" (found by hand: `cert self-signed.pfx` broke cert.root-key and
    /// cert.thumbprint while cert's own role check read it).
    /// </summary>
    [Theory]
    [InlineData("root.pfx", "Root-Pfx-7")]
    [InlineData("root.pfx", "")]
    [InlineData("root-really-a-pfx.cer", "")]
    public void Cert_OnARootCaKeptAsAPfx_EveryProbeReadsIt(string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Contoso PFX Root", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, root.Export(X509ContentType.Pkcs12, password));

        using var run = new CliRun();
        if (password.Length > 0) run.Env["OOBW_PFX_PASSWORD"] = password;
        run.Run("", "cert", path);

        Assert.True(run.Exit == 0, run.Out + run.Err);
        Assert.Contains("✓ cert.root-key: the root CA key has 2048 bits", run.Out, StringComparison.Ordinal);
        Assert.Contains("? cert.thumbprint:", run.Out, StringComparison.Ordinal);
        Assert.Contains(root.Thumbprint[..2] + " " + root.Thumbprint[2..4], run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ASN1", run.Out + run.Err, StringComparison.Ordinal);
        Assert.Contains(", 0 errors", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Wizard_WithAProvisioningCertificateWithoutTheAmtOidOrOu_ReachesThatCause_ByTheLiveCheck()
    {
        // SP1's "provision certificate": the certificate file decides it, no one has to read its extensions.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sccm01.corp.fabrikam.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(300));
        var path = Path.Combine(_dir, "prov.pem");
        File.WriteAllText(path, cert.ExportCertificatePem());
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = "unused-" + Guid.NewGuid().ToString("N");

        // The tool said "No trusted DNS suffix reported"; the DHCP options are set: on to the certificate.
        run.Run("cannot-provision\ntool-message\nno-dns-suffix\nall-set\n", "--plain", "--lang", "en", "--target", "127.0.0.9", "--timeout", "2", "--prov-cert", path);

        Assert.True(run.Exit == 0, run.Err);
        var session = run.LoadSession();
        Assert.Equal("prov.provisioning-cert-oid", session.State.Current);
        Assert.Equal(OobWizard.Core.Engine.TriggerKind.Verdict, session.State.Steps[^1].Trigger.Kind);
        Assert.Contains(session.Evidence, e => e.Probe == "cert.provisioning" && e.Verdict == "no-amt-oid");
    }

    [Fact]
    public void Cert_WithAFileThatIsNoCertificate_IsOneLineNamingIt()
    {
        var path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "not a certificate");

        using var run = new CliRun();
        run.Run("", "cert", path);

        Assert.Equal(2, run.Exit);
        Assert.Contains(path, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithDirectoryOptions_RunsTheAdProbes_AndABadDnIsAUsageError()
    {
        // Nothing listens on 127.0.0.1:9 (discard): every ad.* probe says so instead of being left out.
        using var run = new CliRun();
        run.Run("", "check", "--target", "127.0.0.9", "--http-port", "9", "--tls-port", "9", "--redirection-port", "9", "--rmcp-port", "9",
            "--dc", "127.0.0.1:9", "--amt-ou", "OU=AMT,DC=corp,DC=fabrikam,DC=test", "--site-server", "SCCM01", "--timeout", "2");
        using var json = new CliRun();
        json.Run("", "check", "--json", "--target", "127.0.0.9", "--http-port", "9", "--tls-port", "9", "--redirection-port", "9", "--rmcp-port", "9",
            "--dc", "127.0.0.1:9", "--site-server", "SCCM01", "--timeout", "2");
        using var bad = new CliRun();
        bad.Run("", "check", "--target", "127.0.0.9", "--amt-ou", "AMT computers");

        Assert.Contains("ad.rootdse", run.Out, StringComparison.Ordinal);
        Assert.Contains("ad.container", run.Out, StringComparison.Ordinal);
        Assert.Contains("ad.dcom-group", run.Out, StringComparison.Ordinal);
        Assert.Contains("! ad.rootdse: no LDAP server on 127.0.0.1:9", run.Out, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        var dcom = doc.RootElement.GetProperty("probes").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "ad.dcom-group");
        Assert.Equal("unavailable", dcom.GetProperty("verdict").GetString());
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--amt-ou: 'AMT computers' is not a distinguished name", bad.Err, StringComparison.Ordinal);
    }
}
