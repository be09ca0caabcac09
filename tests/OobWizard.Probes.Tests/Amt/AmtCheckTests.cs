using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OobWizard.Lab;
using OobWizard.Probes.Amt;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>`oobwizard check` as data: every scenario's JSON report, and targets that refuse or never answer.</summary>
public sealed class AmtCheckTests
{
    [Theory]
    [MemberData(nameof(LabScenarioTests.ScenarioNames), MemberType = typeof(LabScenarioTests))]
    public async Task CheckJson_NamesTheScenariosDiagnosisAndNeverThePassword(string name)
    {
        var scenario = LabScenarios.Find(name)!;
        await using var device = await LabDeviceFixture.StartAsync(scenario);
        var rootCa = Path.Combine(Path.GetTempPath(), $"oobw-root-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(rootCa, device.Endpoint.ProvisioningRootCaPem);
        try
        {
            var report = await AmtCheck.RunAsync(device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(3), rootCaFile: rootCa),
                device.Endpoint.CreateProbeOptions(TimeSpan.FromMilliseconds(500)));
            var json = report.ToJson();

            using var doc = JsonDocument.Parse(json);
            var probes = doc.RootElement.GetProperty("probes").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
            Assert.Equal(11, probes.Count);
            Assert.DoesNotContain(device.Endpoint.Password, json, StringComparison.Ordinal);
            foreach (var (probe, verdict) in scenario.ExpectedVerdicts.Where(v => probes.ContainsKey(v.Key)))
            {
                Assert.Equal(verdict, probes[probe].GetProperty("verdict").GetString());
            }

            // Scenarios shown by a certificate probe (cert.crl) are not the AMT check's to decide (LabScenarioTests covers them).
            if (!scenario.ExpectedVerdicts.Keys.Any(probes.ContainsKey) && scenario.ExpectedVerdicts.Count > 0) return;
            var diagnoses = doc.RootElement.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()).ToList();
            if (scenario.DiagnosisId == "none")
            {
                Assert.Empty(diagnoses);
                Assert.Equal(0, report.ExitCode);
            }
            else
            {
                Assert.Contains(scenario.DiagnosisId, diagnoses);
                Assert.Equal(1, report.ExitCode);
            }
        }
        finally
        {
            File.Delete(rootCa);
        }
    }

    [Fact]
    public async Task AClosedTarget_IsReportedClosedWithinTheBound()
    {
        var address = LabAddresses.Next();
        var context = new ProbeContext { Target = address.ToString(), HttpPort = FreePort(address), TlsPort = FreePort(address), Password = "x", Timeout = TimeSpan.FromSeconds(2) };
        var options = new AmtProbeOptions { RedirectionPort = FreePort(address), RedirectionTlsPort = FreePort(address), ExtraTcpPorts = [], RmcpPort = FreePort(address) };

        var watch = Stopwatch.StartNew();
        var report = await AmtCheck.RunAsync(context, options);

        var reachable = report.Entries.Single(e => e.Result.ProbeId == "amt.reachable").Result;
        Assert.Equal("closed", reachable.Verdict);
        Assert.Contains(AmtDiagnoses.CannotConnect, reachable.SuggestedDiagnoses);
        Assert.All(report.Entries, e => Assert.True(e.Elapsed < TimeSpan.FromSeconds(3), $"{e.Result.ProbeId} took {e.Elapsed}"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ASilentListener_FinishesEveryProbeWithinItsBound()
    {
        var address = LabAddresses.Next();
        await using var http = new LabTcpPortListener(address, 0, silent: true);
        await using var tls = new LabTcpPortListener(address, 0, silent: true);
        var context = new ProbeContext
        {
            Target = address.ToString(), HttpPort = http.Port, TlsPort = tls.Port, Password = "x",
            Timeout = TimeSpan.FromSeconds(1), RequestTimeout = TimeSpan.FromSeconds(1), FirstContactTimeout = TimeSpan.FromSeconds(1),
        };
        var options = new AmtProbeOptions { RedirectionPort = FreePort(address), RedirectionTlsPort = FreePort(address), ExtraTcpPorts = [], RmcpPort = FreePort(address) };

        var report = await AmtCheck.RunAsync(context, options);

        var trace = string.Join("\n", report.Entries.Select(e => $"{e.Result.ProbeId} {e.Result.Verdict} {e.Elapsed.TotalMilliseconds:0} ms: {e.Result.Summary}"));
        // The ports do accept, so the device must never be called closed (on a loaded machine the probe may run
        // out of time instead, which is an honest answer).
        Assert.True(report.Entries[0].Result.Verdict != "closed", trace);
        var identify = report.Entries.Single(e => e.Result.ProbeId == "amt.identify");
        Assert.True(identify.Result.Outcome == ProbeOutcome.Error && identify.Result.Summary.Contains("no answer within", StringComparison.Ordinal), trace);
        // The runner's bound is the timeout plus 250 ms; the rest is slack for a loaded two-core machine.
        Assert.True(report.Entries.All(e => e.Elapsed < context.Timeout + TimeSpan.FromSeconds(1.5)), trace);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task ANameThatDoesNotResolve_IsNotReportedAsClosed()
    {
        var context = new ProbeContext { Target = "amt-pc99.nonexistent.invalid", Timeout = TimeSpan.FromSeconds(1) };

        var result = await new ProbeRunner(AmtProbes.All()).RunAsync("amt.reachable", context);

        Assert.NotEqual("closed", result.Verdict);
        Assert.NotEqual(ProbeOutcome.Pass, result.Outcome);
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
