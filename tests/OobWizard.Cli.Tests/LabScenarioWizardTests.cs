using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;
using OobWizard.Lab;

namespace OobWizard.Cli.Tests;

/// <summary>
/// Each lab scenario driven through the wizard (`demo --plain`): the answers are only what a person
/// would type at questions and at checks the probes cannot decide (the demo target is an address, so
/// DNS checks fall back to their manual question); the diagnosis must be reached by a live probe's
/// verdict over real HTTP with Digest auth to the lab device.
/// </summary>
public sealed class LabScenarioWizardTests
{
    private static readonly string[] ConsoleConnectPath = ["console-cannot-connect", "stays-connecting", "other-or-none", "supported", "one-address", "same"];
    private static readonly string[] OutOfBandProvisioningPath = ["cannot-provision", "others-work", "sp1", "none", "none", "out-of-band", "resolves"];
    private static readonly string[] DeviceInternalErrorPath = ["cannot-provision", "others-work", "sp2", "device-internal-error"];

    public static TheoryData<string, string[], string> Scenarios() => new()
    {
        { "redirection-disabled", ["redirection-fails", "both-or-sol"], "console.redirection-disabled" },
        { "power-state-only", ["power-state-only"], "console.power-state-only" },
        { "renamed", ConsoleConnectPath, "console.renamed-or-moved" },
        { "cert-expired", ConsoleConnectPath, "console.cannot-connect" },
        { "cert-zero-date", ConsoleConnectPath, "console.cannot-connect" },
        { "wireless-only", DeviceInternalErrorPath, "prov.wireless" },
        { "fqdn-too-long", DeviceInternalErrorPath, "prov.wireless" },
        { "other-management-solution", OutOfBandProvisioningPath, "prov.other-management-solution" },
        { "unsupported-firmware", [.. OutOfBandProvisioningPath, "not-sure"], "prov.amt-version-unsupported" },
        { "cert-hash-missing", [.. OutOfBandProvisioningPath, "same", "current-address", "win2008"], "prov.cert-hash-missing" },
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
        Assert.All(session.Evidence.Where(e => e.Probe.StartsWith("amt.", StringComparison.Ordinal)), e => Assert.Equal("pass", e.Outcome));
    }

    [Fact]
    public void EveryLabScenario_HasAWizardWalk()
    {
        var walked = Scenarios().Select(row => (string)row[0]).ToHashSet();

        Assert.All(LabScenarios.All.Where(s => s.Name != "healthy"), s => Assert.Contains(s.Name, walked));
    }
}
