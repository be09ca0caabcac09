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
    private static readonly string[] ConsoleConnectPath = ["console-cannot-connect", "stays-connecting", "other-or-none", "supported", "other", "not-blocked"];
    private static readonly string[] OutOfBandProvisioningPath = ["cannot-provision", "others-work", "sp1", "none", "none", "out-of-band-sp1"];
    private static readonly string[] DeviceInternalErrorPath = ["cannot-provision", "others-work", "sp2", "device-internal-error"];
    private static readonly string[] WsmanCallPath = ["cannot-provision", "others-work", "sp2", "wsman-call-failed"];

    public static TheoryData<string, string[], string> Scenarios() => new()
    {
        { "redirection-disabled", ["redirection-fails", "both-or-sol"], "console.redirection-disabled" },
        { "power-state-only", ["power-state-only"], "console.power-state-only" },
        { "renamed", ConsoleConnectPath, "console.renamed-or-moved" },
        { "cert-expired", ConsoleConnectPath, "console.cannot-connect" },
        { "cert-zero-date", ConsoleConnectPath, "console.cannot-connect" },
        // "Device internal error" item 3: AMT's certificate with a date-zero start, seen live by amt.tls.
        { "cert-zero-date", DeviceInternalErrorPath, "prov.amt-self-signed-cert" },
        { "tls-only", ConsoleConnectPath, "console.amt-tls-only" },
        { "wireless-only", DeviceInternalErrorPath, "prov.wireless" },
        { "fqdn-too-long", WsmanCallPath, "prov.fqdn-over-44" },
        { "other-management-solution", OutOfBandProvisioningPath, "prov.other-management-solution" },
        { "unsupported-firmware", [.. OutOfBandProvisioningPath, "not-sure"], "prov.amt-version-unsupported" },
        // ad.namespace, ad.container and ad.dcom-group have no directory in the demo: asked.
        { "cert-hash-missing", [.. OutOfBandProvisioningPath, "matches", "exists", "member"], "prov.cert-hash-missing" },
        { "crl-unreachable", ["cannot-update", "none", "nothing-known"], "prov.crl-check-failed" },
        { "crl-stale", ["cannot-update", "none", "nothing-known"], "prov.crl-check-failed" },
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
        run.Run(string.Join("\n", [.. ConsoleConnectPath, "reachable"]) + "\n", "demo", "--plain", "--scenario", "healthy");

        var session = run.LoadSession();
        Assert.Equal("console.prerequisites", session.State.Current);
        // Every check passes but the CRL check: AMT's self-signed certificate names no CRL, so it falls back
        // to the question, answered "reachable".
        Assert.All(session.Evidence.Where(e => e.Probe != "cert.crl"), e => Assert.Equal("pass", e.Outcome));
        Assert.Equal("inconclusive", Assert.Single(session.Evidence, e => e.Probe == "cert.crl").Outcome);
        // The DNS checks ran against the lab's DNS server, never the machine's resolver.
        var forward = Assert.Single(session.Evidence, e => e.Probe == "dns.forward");
        Assert.Contains(forward.Rows, r => r.Name == "servers" && r.Value.StartsWith("127.77.0.53:", StringComparison.Ordinal));
        Assert.Contains(session.Evidence, e => e.Probe == "dns.consistency");
        Assert.Equal(["dns.forward", "dns.consistency", "amt.reachable", "amt.general", "amt.tls", "cert.crl"], session.Evidence.Select(e => e.Probe));
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
        run.Run("cannot-update\nnone\nnothing-known\n", "demo", "--plain", "--lang", "en", "--scenario", "enterprise-cert");

        var session = run.LoadSession();
        var crl = Assert.Single(session.Evidence, e => e.Probe == "cert.crl");
        Assert.Equal("pass", crl.Outcome);
        // The lab serves its CRL on the device's own loopback address, signed by the lab root.
        Assert.Contains(crl.Rows, r => r.Name.StartsWith("http://127.77.0.1:", StringComparison.Ordinal) && r.Value.StartsWith("current, signed by the issuer", StringComparison.Ordinal));
        Assert.Equal("q.prov.hotfix", session.State.Current); // a current CRL: on to the service point's hotfix
    }
}
