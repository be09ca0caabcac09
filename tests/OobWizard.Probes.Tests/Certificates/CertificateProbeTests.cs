using System.Net;
using System.Security.Cryptography;
using OobWizard.Lab;
using OobWizard.Probes.Certificates;
using Xunit;

namespace OobWizard.Probes.Tests.Certificates;

/// <summary>cert.thumbprint, cert.provisioning and cert.crl on certificates and CRLs generated for each test; CRLs served from a loopback listener.</summary>
public sealed class CertificateProbeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static Task<ProbeResult> Run(IProbe probe, ProbeContext context) => new ProbeRunner([probe]).RunAsync(probe.Id, context);

    [Fact]
    public async Task Thumbprint_IsShownAsTheMebxShowsIt_AndIsInconclusiveWithoutAmt()
    {
        using var files = new GeneratedCertificates();
        using var root = GeneratedCertificates.Root();
        var path = files.Pem(root, "root.pem");

        var r = await Run(new ThumbprintProbe(), new ProbeContext { RootCaFile = path });

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        var sha1 = Assert.Single(r.Evidence, e => e.Name.StartsWith("SHA-1", StringComparison.Ordinal)).Value;
        Assert.Equal(root.Thumbprint, sha1.Replace(" ", "", StringComparison.Ordinal));
        Assert.Matches("^([0-9A-F]{2} ){19}[0-9A-F]{2}$", sha1);
        Assert.Matches("^([0-9A-F]{2} ){31}[0-9A-F]{2}$", Assert.Single(r.Evidence, e => e.Name.StartsWith("SHA-256", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public async Task Thumbprint_AgainstALabDevicesHashList_PassesOrIsMissing()
    {
        foreach (var (scenario, verdict) in new[] { ("healthy", "pass"), ("cert-hash-missing", "missing") })
        {
            await using var device = await LabDevice.StartAsync(LabScenarios.Find(scenario)!, Amt.LabAddresses.Next(), LabPorts.Ephemeral, LabCredentials.Random());
            using var files = new GeneratedCertificates();
            var rootPath = Path.Combine(Path.GetTempPath(), $"oobw-root-{Guid.NewGuid():N}.pem");
            await File.WriteAllTextAsync(rootPath, device.Endpoint.ProvisioningRootCaPem);
            try
            {
                var r = await Run(new ThumbprintProbe(), device.Endpoint.CreateProbeContext(rootCaFile: rootPath));
                Assert.True(r.Verdict == verdict, $"{scenario}: {r.Verdict} {r.Summary}");
            }
            finally
            {
                File.Delete(rootPath);
            }
        }
    }

    public static TheoryData<string, int, int, bool, bool, bool, string> ProvisioningCases() => new()
    {
        { "OID, in date", -10, 365, true, false, true, "pass" },
        { "OU only", -10, 365, false, true, true, "pass" },
        { "neither OID nor OU", -10, 365, false, false, true, "no-amt-oid" },
        { "no server auth", -10, 365, true, false, false, "no-server-auth" },
        { "expired", -400, -1, true, false, true, "expired" },
        { "not yet valid", 2, 365, true, false, true, "not-yet-valid" },
        { "expiring in 10 days", -300, 10, true, false, true, "expiring" },
    };

    [Theory]
    [MemberData(nameof(ProvisioningCases))]
    public async Task Provisioning_IsJudged(string name, int fromDays, int toDays, bool oid, bool ou, bool serverAuth, string verdict)
    {
        using var files = new GeneratedCertificates();
        using var root = GeneratedCertificates.Root();
        using var cert = GeneratedCertificates.Issue(root, Now.AddDays(fromDays), Now.AddDays(toDays), oid, ou, serverAuth);
        var context = new ProbeContext
        {
            RootCaFile = files.Pem(root, "root.pem"),
            Certificates = new CertificateSettings { ProvisioningCertificateFile = files.Der(cert, "prov.cer") },
        };

        var r = await Run(new ProvisioningCertificateProbe(), context);

        Assert.True(r.Verdict == verdict, $"{name}: {r.Verdict} {r.Summary}");
    }

    [Fact]
    public async Task Provisioning_FromAPfx_WithItsPassword_ChainsToTheRoot_AndAnotherRootIsUntrusted()
    {
        using var files = new GeneratedCertificates();
        using var root = GeneratedCertificates.Root();
        using var other = GeneratedCertificates.Root(name: "CN=Some Other Root");
        using var cert = GeneratedCertificates.Issue(root, Now.AddDays(-1), Now.AddDays(200));
        var pfx = files.Pfx(cert, "pfx-Secret-1", "prov.pfx");
        var asked = 0;
        CertificateSettings Settings() => new() { ProvisioningCertificateFile = pfx, PfxPassword = () => { asked++; return "pfx-Secret-1"; } };

        var good = await Run(new ProvisioningCertificateProbe(), new ProbeContext { RootCaFile = files.Pem(root, "root.pem"), Certificates = Settings() });
        var bad = await Run(new ProvisioningCertificateProbe(), new ProbeContext { RootCaFile = files.Pem(other, "other.pem"), Certificates = Settings() });
        var wrongPassword = await Run(new ProvisioningCertificateProbe(), new ProbeContext { Certificates = new CertificateSettings { ProvisioningCertificateFile = pfx, PfxPassword = () => "nope" } });

        Assert.True(good.Outcome == ProbeOutcome.Pass, good.Summary);
        Assert.Equal("untrusted", bad.Verdict);
        Assert.Equal(2, asked);
        Assert.Equal(ProbeOutcome.Error, wrongPassword.Outcome);
        Assert.Contains("cannot read --prov-cert", wrongPassword.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootKey_4096Bits_IsTooLong_2048Passes()
    {
        using var files = new GeneratedCertificates();
        using var big = GeneratedCertificates.Root(4096);
        using var ok = GeneratedCertificates.Root(2048);

        Assert.Equal("too-long", (await Run(new RootKeyProbe(), new ProbeContext { RootCaFile = files.Pem(big, "big.pem") })).Verdict);
        Assert.Equal("pass", (await Run(new RootKeyProbe(), new ProbeContext { RootCaFile = files.Der(ok, "ok.cer") })).Verdict);
    }

    public static TheoryData<string, string> CrlCases() => new()
    {
        { "current", "pass" },
        { "stale", "stale" },
        { "revoked", "revoked" },
        { "other-signer", "bad-signature" },
        { "unreachable", "unreachable" },
        { "not-a-crl", "unreachable" },
    };

    [Theory]
    [MemberData(nameof(CrlCases))]
    public async Task Crl_FromALoopbackDistributionPoint_IsJudged(string kind, string verdict)
    {
        using var files = new GeneratedCertificates();
        using var root = GeneratedCertificates.Root();
        using var imposter = GeneratedCertificates.Root(name: "CN=Test Root CA"); // same name, other key
        await using var server = new LabCrlServer(IPAddress.Loopback);
        var url = kind == "unreachable" ? LabCrlServer.UnreachableUrl(IPAddress.Loopback) : server.Url;
        using var cert = GeneratedCertificates.Issue(root, Now.AddDays(-1), Now.AddDays(100), crlUrls: [url], cn: "amt-pc01.corp.fabrikam.test");
        server.Crl = kind switch
        {
            "current" => GeneratedCertificates.Crl(root, Now.AddHours(-1), Now.AddDays(7)),
            "stale" => GeneratedCertificates.Crl(root, Now.AddDays(-20), Now.AddDays(-10)),
            "revoked" => GeneratedCertificates.Crl(root, Now.AddHours(-1), Now.AddDays(7), cert),
            "other-signer" => GeneratedCertificates.Crl(imposter, Now.AddHours(-1), Now.AddDays(7)),
            "not-a-crl" => "<html>proxy login</html>"u8.ToArray(),
            _ => null,
        };
        var context = new ProbeContext
        {
            RootCaFile = files.Pem(root, "root.pem"),
            Timeout = TimeSpan.FromSeconds(5),
            Certificates = new CertificateSettings { AmtCertificateFile = files.Pem(cert, "amt.pem") },
        };

        var r = await Run(new CrlProbe(), context);

        Assert.True(r.Verdict == verdict, $"{kind}: {r.Verdict} {r.Summary}");
        if (verdict != "pass") Assert.Equal(["prov.crl-check-failed"], r.SuggestedDiagnoses);
        Assert.Contains(r.Evidence, e => e.Name == url);
    }

    [Fact]
    public async Task Crl_OfACertificateWithoutDistributionPoints_IsInconclusive()
    {
        using var files = new GeneratedCertificates();
        using var root = GeneratedCertificates.Root();

        var r = await Run(new CrlProbe(), new ProbeContext { Certificates = new CertificateSettings { AmtCertificateFile = files.Pem(root, "self.pem") } });

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains("names no CRL distribution point", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CrlReader_ReadsWhatDotNetBuilds()
    {
        using var root = GeneratedCertificates.Root();
        using var cert = GeneratedCertificates.Issue(root, Now.AddDays(-1), Now.AddDays(10));
        var der = GeneratedCertificates.Crl(root, Now.AddHours(-2), Now.AddDays(3), cert);

        var crl = CertificateRevocationList.Parse(der);

        Assert.Equal(root.SubjectName.Name, crl.Issuer.Name);
        Assert.True(crl.IsCurrent(Now));
        Assert.False(crl.IsCurrent(Now.AddDays(4)));
        Assert.True(crl.Lists(cert));
        Assert.True(crl.IsSignedBy(root));
        Assert.Throws<FormatException>(() => CertificateRevocationList.Parse([0x30, 0x03, 0x02, 0x01]));
    }
}
