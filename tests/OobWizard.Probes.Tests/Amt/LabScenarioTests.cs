using OobWizard.Lab;
using OobWizard.Probes.Amt;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>Every lab scenario, probed live over real sockets, shows the verdicts and the diagnosis it is meant to reproduce.</summary>
public sealed class LabScenarioTests
{
    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in LabScenarios.All) data.Add(s.Name);
        return data;
    }

    internal static async Task<IReadOnlyDictionary<string, ProbeResult>> RunAllAsync(LabDevice device)
    {
        var rootCa = Path.Combine(Path.GetTempPath(), $"oobw-root-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(rootCa, device.Endpoint.ProvisioningRootCaPem);
        try
        {
            var context = device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(3), rootCaFile: rootCa);
            // The AMT probes and cert.crl, which reads the device's TLS certificate and fetches its CRL from the lab.
            var runner = new ProbeRunner([.. AmtProbes.All(device.Endpoint.CreateProbeOptions(TimeSpan.FromMilliseconds(500))), new OobWizard.Probes.Certificates.CrlProbe()]);
            var results = await Task.WhenAll(runner.Probes.Select(p => runner.RunAsync(p.Id, context)));
            return results.ToDictionary(r => r.ProbeId);
        }
        finally
        {
            File.Delete(rootCa);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task EachScenario_ShowsItsVerdictsAndSuggestsItsDiagnosis(string name)
    {
        var scenario = LabScenarios.Find(name)!;
        await using var device = await LabDeviceFixture.StartAsync(scenario);

        var results = await RunAllAsync(device);

        Assert.Equal(12, results.Count);
        foreach (var (probe, verdict) in scenario.ExpectedVerdicts)
        {
            Assert.True(results[probe].Verdict == verdict, $"{probe}: expected {verdict}, got {results[probe].Verdict} ({results[probe].Summary})");
        }

        if (scenario.DiagnosisId != "none")
        {
            Assert.Contains(results.Values, r => r.SuggestedDiagnoses.Contains(scenario.DiagnosisId));
        }
    }

    [Fact]
    public async Task TheHealthyDevice_PassesEveryProbe()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Healthy);

        var results = await RunAllAsync(device);

        var notPassing = results.Values.Where(r => r.Outcome != ProbeOutcome.Pass && r.ProbeId != "cert.crl").Select(r => $"{r.ProbeId}: {r.Verdict} {r.Summary}").ToList();
        Assert.Empty(notPassing);
        // AMT's own self-signed certificate names no CRL: nothing to check, said so.
        Assert.Equal(ProbeOutcome.Inconclusive, results["cert.crl"].Outcome);
        Assert.Equal("provisioned", results["amt.provisioning"].Verdict);
    }

    [Fact]
    public async Task ScenariosWithoutTheProblem_DoNotShowIt()
    {
        // The healthy device must not trip any verdict another scenario relies on.
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Healthy);
        var results = await RunAllAsync(device);

        foreach (var scenario in LabScenarios.All.Where(s => s.ExpectedVerdicts.Count > 0))
        {
            foreach (var (probe, verdict) in scenario.ExpectedVerdicts.Where(v => v.Value is not ("provisioned" or "pass")))
            {
                Assert.NotEqual(verdict, results[probe].Verdict);
            }
        }
    }

    [Fact]
    public void ScenarioNames_AreUniqueAndCoverTheIssueList()
    {
        var names = LabScenarios.All.Select(s => s.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (var required in new[] { "healthy", "cert-hash-missing", "redirection-disabled", "fqdn-too-long", "wireless-only", "renamed",
                     "unsupported-firmware", "other-management-solution", "cert-expired", "power-state-only" })
        {
            Assert.Contains(required, names);
        }
    }
}
