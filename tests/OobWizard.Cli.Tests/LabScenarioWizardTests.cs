using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;
using OobWizard.Lab;

namespace OobWizard.Cli.Tests;

/// <summary>
/// Each lab scenario driven through the wizard (`demo --plain`): the answers are only what a person
/// would type at questions (every check on these paths is decided live: AMT over real HTTP with Digest
/// auth to the lab device, DNS with real packets to the lab's DNS server); the diagnosis must be
/// reached by a live probe's verdict.
/// </summary>
public sealed class LabScenarioWizardTests
{
    // The lab DNS answers for the device, so the DNS checks on these paths decide by themselves.
    private static readonly string[] ConsoleConnectPath = ["console-cannot-connect", "stays-connecting", "other-or-none", "supported"];
    private static readonly string[] OutOfBandProvisioningPath = ["cannot-provision", "others-work", "sp1", "none", "none", "out-of-band"];
    private static readonly string[] DeviceInternalErrorPath = ["cannot-provision", "others-work", "sp2", "device-internal-error"];

    public static TheoryData<string, string[], string> Scenarios() => new()
    {
        { "redirection-disabled", ["redirection-fails", "both-or-sol"], "console.redirection-disabled" },
        { "power-state-only", ["power-state-only"], "console.power-state-only" },
        { "renamed", ConsoleConnectPath, "console.renamed-or-moved" },
        { "cert-expired", ConsoleConnectPath, "console.cannot-connect" },
        { "cert-zero-date", ConsoleConnectPath, "console.cannot-connect" },
        { "tls-only", ConsoleConnectPath, "console.cannot-connect" },
        { "wireless-only", DeviceInternalErrorPath, "prov.wireless" },
        { "fqdn-too-long", DeviceInternalErrorPath, "prov.wireless" },
        { "other-management-solution", OutOfBandProvisioningPath, "prov.other-management-solution" },
        { "unsupported-firmware", [.. OutOfBandProvisioningPath, "not-sure"], "prov.amt-version-unsupported" },
        { "cert-hash-missing", [.. OutOfBandProvisioningPath, "matches", "win2008"], "prov.cert-hash-missing" },
        { "crl-unreachable", ["cannot-update", "none"], "prov.crl-check-failed" },
        { "crl-stale", ["cannot-update", "none"], "prov.crl-check-failed" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void TheScenario_IsDiagnosedByALiveProbe(string scenario, string[] answers, string diagnosis)
    {
        using var run = new CliRun();
        run.Run(string.Join("\n", answers) + "\n", "demo", "--plain", "--lang", "en", "--scenario", scenario);

        Assert.True(run.Exit == 0, run.Err);
        var session = run.LoadSession();
        Assert.Equal(diagnosis, session.State.Current);
        var last = session.State.Steps[^1];
        Assert.Equal(TriggerKind.Verdict, last.Trigger.Kind); // decided by the probe, not by an answer
        Assert.Contains(session.Evidence, e => e.Node == last.From && e.Verdict == last.Trigger.Value && e.Outcome == "finding");
        // The demo's password is random per run and starts with "Lab-" (LabCredentials.Random): it must not be saved.
        Assert.DoesNotContain("Lab-", File.ReadAllText(run.OnlySessionFile()));
    }

    [Fact]
    public void AHealthyDevice_PassesEveryCheck_AndEndsAtThePrerequisites()
    {
        using var run = new CliRun();
        run.Run(string.Join("\n", ConsoleConnectPath) + "\n", "demo", "--plain", "--scenario", "healthy");

        var session = run.LoadSession();
        Assert.Equal("console.prerequisites", session.State.Current);
        Assert.All(session.Evidence, e => Assert.Equal("pass", e.Outcome));
        // The DNS checks ran against the lab's DNS server, never the machine's resolver.
        var forward = Assert.Single(session.Evidence, e => e.Probe == "dns.forward");
        Assert.Contains(forward.Rows, r => r.Name == "servers" && r.Value.StartsWith("127.77.0.53:", StringComparison.Ordinal));
        Assert.Contains(session.Evidence, e => e.Probe == "dns.consistency");
        Assert.Equal(["dns.forward", "dns.consistency", "amt.reachable", "amt.general", "amt.tls"], session.Evidence.Select(e => e.Probe));
    }

    [Fact]
    public void EveryLabScenario_HasAWizardWalk()
    {
        var walked = Scenarios().Select(row => (string)row[0]).ToHashSet();

        Assert.All(LabScenarios.All.Where(s => s.DiagnosisId != "none"), s => Assert.Contains(s.Name, walked));
    }

    [Fact]
    public void TheEnterpriseCertificatesCrl_IsFetchedLive_AndPasses()
    {
        using var run = new CliRun();
        run.Run("cannot-update\nnone\n", "demo", "--plain", "--lang", "en", "--scenario", "enterprise-cert");

        var session = run.LoadSession();
        var crl = Assert.Single(session.Evidence, e => e.Probe == "cert.crl");
        Assert.Equal("pass", crl.Outcome);
        // The lab serves its CRL on the device's own loopback address, signed by the lab root.
        Assert.Contains(crl.Rows, r => r.Name.StartsWith("http://127.77.0.1:", StringComparison.Ordinal) && r.Value.StartsWith("current, signed by the issuer", StringComparison.Ordinal));
        Assert.Equal("console.renamed-or-moved", session.State.Current);
    }
}
