using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests;

/// <summary>
/// The field inputs (tests/OobWizard.Cli.Tests/Logs/field, see SOURCES.md there) walked through the
/// wizard offline, the way the person who had them would answer: each must reach the answer its
/// README names, by the questions that fit what they saw.
/// </summary>
public sealed class FieldCaseWizardTests
{
    private static readonly Lazy<ContentSet> Content = new(() => ContentLoader.Load(Repo.Content));

    private static (string Current, IReadOnlyList<string> Path, string Out) Walk(string lang, params string[] answers)
    {
        using var run = new CliRun();
        run.Run(string.Join("\n", answers) + "\n", "--plain", "--offline", "--lang", lang);
        Assert.True(run.Exit == 0, run.Err);
        var session = run.LoadSession();
        return (session.State.Current, session.State.Path, run.Out);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void TlsOnly_TheConsoleStaysOnConnecting_PathReachesTheTlsOnlyCause(string lang)
    {
        // wsman identify on 16992: "Connection failed ... Unsupported protocol"; 16993 answers.
        var (current, path, output) = Walk(lang, "console-cannot-connect", "stays-connecting", "other-or-none", "supported", "other", "not-blocked", "one-address", "same", "tls-only");

        Assert.Equal("console.amt-tls-only", current);
        Assert.Contains("p.con.reachable", path);
        Assert.Contains("16993", output);
    }

    [Fact]
    public void NoTrustedDnsSuffix_TheProvisioningPath_AsksAmtsSuffixAndTheDhcpOptions_AndReachesDnsDhcp()
    {
        // The user only knows that provisioning fails; no log line, nothing found by the checks before.
        var (current, path, _) = Walk(
            "en", "cannot-provision", "others-work", "sp2", "none", "none", "out-of-band", "allowed", "resolves",
            "not-sure", "supported", "same", "matches", "current-address", "exists", "member", "listed", "up-to-2048", "no-failed-requests",
            "no-suffix", "missing");

        Assert.Equal("prov.dns-dhcp", current);
        Assert.Contains("q.prov.amt-suffix", path);
        Assert.Contains("q.prov.dhcp-options", path);
        foreach (var lang in Languages.All)
        {
            var fix = Content.Value.Text(lang, "prov.dns-dhcp").Body;
            Assert.Contains("015", fix, StringComparison.Ordinal);
            Assert.Contains("MEBx", fix, StringComparison.Ordinal);
            Assert.Contains("No trusted DNS suffix reported", fix, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoTrustedDnsSuffix_TheToolsOwnWords_AskTheDhcpOptions_AndReachDnsDhcp()
    {
        var (current, path, _) = Walk("de", "cannot-provision", "tool-message", "no-dns-suffix", "missing");

        Assert.Equal("prov.dns-dhcp", current);
        Assert.Contains("q.prov.dhcp-options", path);
    }

    [Fact]
    public void NoTrustedDnsSuffix_AfterDeviceInternalError_TheDnsSuffixIsAskedToo()
    {
        var (current, path, _) = Walk("en", "cannot-provision", "others-work", "sp2", "device-internal-error", "wired", "current-address", "fine", "ready", "no-suffix", "missing");

        Assert.Equal("prov.dns-dhcp", current);
        Assert.Contains("q.prov.amt-suffix", path);
    }

    [Theory]
    [InlineData("hash-not-trusted", "prov.cert-hash-missing")]
    [InlineData("already-provisioned", "prov.other-management-solution")]
    public void AToolsMessage_LeadsToItsCause(string message, string diagnosis)
    {
        Assert.Equal(diagnosis, Walk("ja", "cannot-provision", "tool-message", message).Current);
    }

    [Fact]
    public void AlreadyProvisioned_IsReachedFromTheProvisioningStateToo()
    {
        var (current, _, _) = Walk("en", "cannot-provision", "others-work", "sp1", "none", "none", "out-of-band-sp1", "resolves", "provisioned", "other-product");

        Assert.Equal("prov.other-management-solution", current);
    }

    [Fact]
    public void TheFieldInputsAreInTheTests_WithTheirSource()
    {
        var field = Path.Combine(Repo.Root, "tests", "OobWizard.Cli.Tests", "Logs", "field");
        var sources = File.ReadAllText(Path.Combine(field, "SOURCES.md"));

        foreach (var file in Directory.GetFiles(field).Select(Path.GetFileName).Where(f => f != "SOURCES.md"))
        {
            Assert.Contains($"`{file}`", sources, StringComparison.Ordinal);
        }

        Assert.Equal(7, Directory.GetFiles(field).Length);
    }
}
