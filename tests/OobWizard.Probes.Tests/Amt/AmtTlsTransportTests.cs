using OobWizard.Lab;
using OobWizard.Probes.Amt;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>The authenticated probes over TLS (16993): the certificate rule decides whether credentials go out.</summary>
public sealed class AmtTlsTransportTests
{
    [Fact]
    public async Task OverTlsWithoutInsecure_ProbesStopAtTheCertificateAndSendNothing()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("renamed"));
        var context = device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(3), useTls: true);

        var result = await new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions())).RunAsync("amt.general", context);

        Assert.Equal(ProbeOutcome.Inconclusive, result.Outcome);
        Assert.Contains("--insecure", result.Summary, StringComparison.Ordinal);
        Assert.Contains(result.Evidence, e => e.Name == "TLS problems" && e.Value.Contains(device.Endpoint.Fqdn, StringComparison.Ordinal));
        // Only the first contact's anonymous Identify reached the device; no Digest answer, so no credentials.
        Assert.Equal(0, device.RefusedAuthorizations + device.AcceptedAuthorizations);
        Assert.True(device.RequestCount <= 1, $"{device.RequestCount} requests");
    }

    [Fact]
    public async Task OverTlsWithInsecure_ProbesReachTheSameVerdictsAsOverHttp()
    {
        var scenario = LabScenarios.Find("renamed")!;
        await using var device = await LabDeviceFixture.StartAsync(scenario);
        var context = device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(3), useTls: true, insecure: true);
        var runner = new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions()));

        foreach (var (probe, verdict) in scenario.ExpectedVerdicts)
        {
            Assert.Equal(verdict, (await runner.RunAsync(probe, context)).Verdict);
        }

        Assert.Equal("pass", (await runner.RunAsync("amt.auth", context)).Verdict);
    }
}
