using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Core.Files;
using OobWizard.Probes.ActiveDirectory;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Amt.Wsman;
using OobWizard.Probes.Certificates;
using OobWizard.Tests.Shared;
using Xunit;

namespace OobWizard.Probes.Tests.Certificates;

/// <summary>
/// Every way the probes read a certificate file a user names (<c>--root-ca</c>, <c>--ca-file</c>, <c>--prov-cert</c>,
/// <c>--amt-cert</c>, <c>--ldap-ca</c>, <c>oobwizard cert FILE</c>) refuses /dev/zero, a FIFO, a folder and an oversized
/// file in one line, without blocking and without reading it: the command line checks them first, and these readers
/// hold on their own (a file swapped after the check, a caller that did not check).
/// </summary>
public sealed class CertificateFileSpecialFileTests : IDisposable
{
    /// <summary>Allocation a refusal may cost; reading the file instead costs its size (1 MiB and more) or never ends.</summary>
    private const long RefusalBytes = 256 * 1024;

    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("oobw-certspecial-").FullName;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in new[] { "Load", "LoadAll", "LoadAll-pfx" })
        {
            foreach (var kind in SpecialFiles.HostileKinds)
            {
                data.Add(reader, kind);
            }
        }

        data.Add("LoadAll-pfx", "device-link"); // a .pfx name on /dev/zero takes the PFX branch
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_certificate_reader_refuses_a_special_or_oversized_file_in_one_line(string reader, string kind)
    {
        var (path, expected) = SpecialFiles.Hostile(kind, _dir, reader == "LoadAll-pfx" ? "bundle.pfx" : "root.pem", ReadLimit.Certificate.MaxBytes);
        InputFileException? refused = null;
        var allocated = long.MaxValue;

        var finished = SpecialFiles.FinishesWithout(path, () =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            refused = Assert.Throws<InputFileException>(() =>
            {
                switch (reader)
                {
                    case "Load":
                        CertificateFile.Load(path).Dispose();
                        break;
                    case "LoadAll":
                        CertificateFile.LoadAll(path);
                        break;
                    default:
                        CertificateFile.LoadAll(path, () => "never asked");
                        break;
                }
            });
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });

        Assert.True(finished, $"{reader} blocked on {path}");
        Assert.Contains(path, refused!.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.True(allocated < RefusalBytes, $"{reader} allocated {allocated} bytes to refuse {path}");
    }

    [Theory]
    [InlineData("device")]
    [InlineData("fifo")]
    [InlineData("folder")]
    [InlineData("oversized")]
    public void A_ca_file_that_cannot_be_read_leaves_the_device_untrusted_and_says_why(string kind)
    {
        var (path, expected) = SpecialFiles.Hostile(kind, _dir, "ca.pem", ReadLimit.Certificate.MaxBytes);
        using var root = GeneratedCertificates.Root();
        using var device = GeneratedCertificates.Issue(root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var capture = new TlsCapture(CertificateFacts.From(device), SslPolicyErrors.RemoteCertificateChainErrors, SslProtocols.Tls12, "TLS_AES_128_GCM_SHA256")
        {
            RawCertificate = device.RawData,
        };
        TlsEvaluation? evaluation = null;

        var finished = SpecialFiles.FinishesWithout(path, () => evaluation = TlsEvaluation.From(capture, path, null, DateTimeOffset.UtcNow));

        Assert.True(finished, $"--ca-file blocked on {path}");
        Assert.False(evaluation!.Trusted);
        Assert.Contains("--ca-file not used", evaluation.TrustText, StringComparison.Ordinal);
        Assert.Contains(expected, evaluation.TrustText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("device")]
    [InlineData("fifo")]
    [InlineData("oversized")]
    public async Task A_root_ca_probe_on_a_special_file_is_an_error_naming_it(string kind)
    {
        var (path, expected) = SpecialFiles.Hostile(kind, _dir, "root.pem", ReadLimit.Certificate.MaxBytes);
        var probe = Task.Run(() => new RootKeyProbe().RunAsync(new ProbeContext { RootCaFile = path }, CancellationToken.None));

        var finished = await Task.WhenAny(probe, Task.Delay(TimeSpan.FromMinutes(2))) == probe;
        if (!finished) SpecialFiles.FinishesWithout(path, () => { });

        Assert.True(finished, $"cert.root-key blocked on {path}");
        var result = await probe;
        Assert.Equal(ProbeOutcome.Error, result.Outcome);
        Assert.Contains(path, result.Summary, StringComparison.Ordinal);
        Assert.Contains(expected, result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Summary);
    }

    [Theory]
    [InlineData("device")]
    [InlineData("fifo")]
    [InlineData("oversized")]
    public void An_ldap_ca_that_is_special_is_refused_before_libldap_opens_it(string kind)
    {
        var (path, expected) = SpecialFiles.Hostile(kind, _dir, "dc-ca.pem", ReadLimit.Certificate.MaxBytes);
        var endpoint = new DirectoryEndpoint("127.0.0.1", 9, LdapSecurity.StartTls);
        DirectoryException? refused = null;

        var finished = SpecialFiles.FinishesWithout(path, () =>
            refused = Assert.Throws<DirectoryException>(() => LdapReader.Open(endpoint, null, TimeSpan.FromSeconds(5), path).Dispose()));

        Assert.True(finished, $"--ldap-ca blocked on {path}");
        Assert.StartsWith("--ldap-ca: " + path, refused!.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);
}
