using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Files;
using OobWizard.Tests.Shared;

namespace OobWizard.Cli.Tests;

/// <summary>
/// Every certificate file the command line takes (<c>oobwizard cert FILE...</c>, its <c>--root-ca</c>, and
/// <c>--ca-file</c>, <c>--root-ca</c>, <c>--prov-cert</c>, <c>--amt-cert</c>, <c>--ldap-ca</c> of check) is refused
/// in one line with exit 2 when it is /dev/zero, a FIFO, a folder or larger than a certificate file may be: nothing
/// blocks, nothing is read.
/// </summary>
public sealed class CertificateFileArgumentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-certargs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Places()
    {
        var data = new TheoryData<string, string>();
        foreach (var place in new[] { "cert", "cert --root-ca", "--ca-file", "--root-ca", "--prov-cert", "--amt-cert", "--ldap-ca" })
        {
            foreach (var kind in SpecialFiles.HostileKinds)
            {
                data.Add(place, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void A_special_or_oversized_certificate_file_is_refused_in_one_line(string place, string kind)
    {
        var (path, expected) = SpecialFiles.Hostile(kind, _dir, "cert.pem", ReadLimit.Certificate.MaxBytes);
        var ordinary = Path.Combine(_dir, "ordinary.pem");
        File.WriteAllText(ordinary, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        string[] args = place switch
        {
            "cert" => ["cert", path],
            "cert --root-ca" => ["cert", "--root-ca", path, ordinary],
            _ => ["check", "--target", "127.0.0.1", place, path],
        };
        using var run = new CliRun();

        var finished = SpecialFiles.FinishesWithout(path, () => run.Run("", args));

        Assert.True(finished, $"{place} blocked on {path}");
        Assert.True(run.Exit == 2, $"{place} {kind}: exit {run.Exit}: {run.Err}");
        var line = Assert.Single(run.Err.Trim().Split('\n'), l => !l.StartsWith("Try ", StringComparison.Ordinal));
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Several_bad_files_to_cert_are_named_by_the_first_one()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir, "a.pem"));
        using var run = new CliRun();

        var finished = SpecialFiles.FinishesWithout(fifo, () => run.Run("", "cert", fifo, "/dev/zero", _dir));

        Assert.True(finished);
        Assert.Equal(2, run.Exit);
        var line = Assert.Single(run.Err.Trim().Split('\n'), l => !l.StartsWith("Try ", StringComparison.Ordinal));
        Assert.Contains($"{fifo} is a FIFO", line, StringComparison.Ordinal);
    }
}
