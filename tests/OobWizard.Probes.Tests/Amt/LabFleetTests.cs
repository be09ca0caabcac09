using System.Net;
using System.Net.Sockets;
using OobWizard.Lab;
using OobWizard.Lab.Fleet;
using OobWizard.Probes.Amt;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>
/// A lab fleet over real sockets: every scenario on its own address behind the shared listeners shows what a single
/// device of that scenario shows, silent addresses time out, and each device keeps AMT's one request at a time.
/// </summary>
public sealed class LabFleetTests
{
    /// <summary>Every scenario that can share the fleet's listeners, once each, plus two silent addresses.</summary>
    private static LabFleetMix EveryScenario() =>
        LabFleetMix.Parse(string.Join(',', LabScenarios.All.Where(s => !s.CreateModel().TlsOnly).Select(s => s.Name + "=1")) + ",silent=2", out _)!;

    private static Task<LabFleet> StartAsync(LabFleetMix mix, int count, LabCredentials? credentials = null) =>
        LabFleet.StartAsync(new LabFleetOptions { Count = count, Mix = mix, Credentials = credentials ?? LabCredentials.Random(), Seed = 7 });

    private static ProbeContext ContextFor(LabFleet fleet, LabFleetDevice device, string? rootCa = null, string? password = null) => new()
    {
        Target = device.Address.ToString(),
        Fqdn = device.ExpectedFqdn,
        HttpPort = fleet.HttpPort,
        TlsPort = fleet.TlsPort,
        User = fleet.Options.Credentials.User,
        Password = password ?? fleet.Options.Credentials.Password,
        RootCaFile = rootCa,
        Timeout = TimeSpan.FromSeconds(10),
        FirstContactTimeout = TimeSpan.FromSeconds(3),
    };

    private static AmtProbeOptions OptionsFor(LabFleet fleet) => new()
    {
        RedirectionPort = fleet.RedirectionPort,
        RedirectionTlsPort = fleet.RedirectionPort + 1,
        RmcpPort = fleet.RmcpPort,
        ExtraTcpPorts = [],
        ConnectTimeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task EveryScenarioInAFleet_ShowsItsVerdicts_LikeASingleDevice()
    {
        Assert.True(OperatingSystem.IsLinux(), "a lab fleet needs Linux");
        var mix = EveryScenario();
        var count = mix.Parts.Count;
        await using var fleet = await StartAsync(mix, count);
        var rootCa = Path.Combine(Path.GetTempPath(), $"oobw-fleet-root-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(rootCa, LabCertificates.ProvisioningRoot.ExportCertificatePem());
        try
        {
            var checks = fleet.Devices.Where(d => d.Scenario is not null)
                .Select(async d => (Device: d, Report: await AmtCheck.RunAsync(ContextFor(fleet, d, rootCa), OptionsFor(fleet)))).ToList();
            foreach (var (device, report) in await Task.WhenAll(checks))
            {
                var results = report.Entries.ToDictionary(e => e.Result.ProbeId, e => e.Result);
                Assert.Equal(11, results.Count);
                // The AMT check decides the amt.* verdicts; scenarios shown by certificate files (cert.crl) are LabScenarioTests'.
                var amtVerdicts = device.Scenario!.ExpectedVerdicts.Where(v => v.Key.StartsWith("amt.", StringComparison.Ordinal)).ToList();
                foreach (var (probe, verdict) in amtVerdicts)
                {
                    Assert.True(results[probe].Verdict == verdict, $"{device}: {probe} expected {verdict}, got {results[probe].Verdict} ({results[probe].Summary})");
                }

                if (device.Scenario.DiagnosisId != "none" && amtVerdicts.Count > 0)
                {
                    Assert.Contains(results.Values, r => r.SuggestedDiagnoses.Contains(device.Scenario.DiagnosisId));
                }

                if (device.Scenario == LabScenarios.Healthy)
                {
                    Assert.All(results.Values, r => Assert.True(r.Outcome == ProbeOutcome.Pass, $"{device}: {r.ProbeId} {r.Verdict} {r.Summary}"));
                }

                Assert.All(results.Values, r => Assert.Equal(r.SuggestedDiagnoses.Distinct(), r.SuggestedDiagnoses));
                Assert.Equal(1, device.PeakInFlight);
            }
        }
        finally
        {
            File.Delete(rootCa);
        }
    }

    [Fact]
    public async Task ASilentAddress_AnswersNothing_AndCostsOneTimeout()
    {
        await using var fleet = await StartAsync(LabFleetMix.Parse("healthy=1,silent=1", out _)!, 2);
        var silent = fleet.Devices.Single(d => d.Scenario is null);
        Assert.Equal(LabFleetMix.Silent, silent.Name);
        Assert.Null(silent.ExpectedFqdn);

        var http = await TcpPortState.ConnectAsync(silent.Address.ToString(), fleet.HttpPort, TimeSpan.FromSeconds(1), CancellationToken.None);
        var redirection = await TcpPortState.ConnectAsync(silent.Address.ToString(), fleet.RedirectionPort, TimeSpan.FromSeconds(1), CancellationToken.None);
        var pong = await RmcpPing.PingAsync(silent.Address.ToString(), fleet.RmcpPort, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.False(http.Open || http.Refused, http.Text);
        Assert.False(redirection.Open || redirection.Refused, redirection.Text);
        Assert.Null(pong);

        // The whole check: the first contact and amt.reachable's other ports wait together, not one after the other.
        var context = ContextFor(fleet, silent);
        var report = await AmtCheck.RunAsync(context, OptionsFor(fleet));
        Assert.Equal("closed", report.Entries.Single(e => e.Result.ProbeId == "amt.reachable").Result.Verdict);
        Assert.True(report.Elapsed < context.FirstContactTimeout + TimeSpan.FromSeconds(1) + OptionsFor(fleet).ConnectTimeout,
            $"one timeout ({context.FirstContactTimeout.TotalSeconds} s) plus slack, not two in a row: {report.Elapsed}");
    }

    [Fact]
    public async Task AnAddressOutsideTheFleet_GetsNoDevice_AndAFleetDeviceAnswersRmcpWithItsModel()
    {
        await using var fleet = await StartAsync(LabFleetMix.Parse("cert-hash-missing=1", out _)!, 1);
        var device = fleet.Devices[0];
        var pong = await RmcpPing.PingAsync(device.Address.ToString(), fleet.RmcpPort, TimeSpan.FromSeconds(3), CancellationToken.None);
        Assert.NotNull(pong);
        Assert.True(pong.IsIntel);
        Assert.Equal(0, pong.ProvisioningState);
        Assert.Equal(fleet.HttpPort, pong.WsmanPort);

        var outside = IPAddress.Parse("127.99.250.250");
        Assert.Null(fleet.Find(outside));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PostAsync(new Uri($"http://{outside}:{fleet.HttpPort}/wsman"), new StringContent("<x/>")));
        Assert.Equal(0, device.RequestCount);
    }

    [Fact]
    public async Task ManyChecksAtOnce_KeepEachDeviceAtOneRequest()
    {
        await using var fleet = await StartAsync(LabFleetMix.Parse("healthy=1", out _)!, 12);

        await Task.WhenAll(fleet.Devices.Select(d => AmtCheck.RunAsync(ContextFor(fleet, d), OptionsFor(fleet))));

        Assert.All(fleet.Devices, d => Assert.True(d.PeakInFlight == 1 && d.RequestCount >= 10, $"{d}: {d.RequestCount} requests, {d.PeakInFlight} at once"));
        Assert.Equal(0, fleet.RefusedAuthorizations);
    }

    [Fact]
    public void TheMix_AddsUpExactly_IsDealtTheSameForTheSameSeed_AndRefusesWhatAFleetCannotShow()
    {
        var mix = LabFleetMix.Parse("healthy=70, cert-hash-missing=10 ,silent=5", out var error)!;
        Assert.Equal("", error);
        Assert.Equal([("healthy", 823), ("cert-hash-missing", 118), (LabFleetMix.Silent, 59)], mix.Counts(1000));
        Assert.Equal(1000, mix.Counts(1000).Sum(c => c.Count));
        Assert.Equal(7, mix.Counts(7).Sum(c => c.Count));
        Assert.Equal(mix.Deal(100, 3), mix.Deal(100, 3));
        Assert.NotEqual(mix.Deal(100, 3), mix.Deal(100, 4));
        Assert.All(mix.Counts(100), c => Assert.Equal(c.Count, mix.Deal(100, 3).Count(n => n == c.Name)));

        Assert.Null(LabFleetMix.Parse("healthy=70,nonsense=3", out error));
        Assert.Contains("no lab scenario 'nonsense'", error, StringComparison.Ordinal);
        Assert.Null(LabFleetMix.Parse("tls-only=1", out error));
        Assert.Contains("16992 closed", error, StringComparison.Ordinal);
        Assert.Null(LabFleetMix.Parse("healthy=1,healthy=2", out error));
        Assert.Contains("twice", error, StringComparison.Ordinal);
        Assert.Null(LabFleetMix.Parse("healthy=0", out error));
        Assert.Null(LabFleetMix.Parse("healthy", out error));
        Assert.Contains("NAME=WEIGHT", error, StringComparison.Ordinal);
        Assert.Null(LabFleetMix.Parse("healthy=-1", out _));
    }

    [Fact]
    public void Addresses_CountUpInLoopback_SkippingZeroAndBroadcastLookingOnes()
    {
        var list = LabFleet.Addresses(IPAddress.Parse("127.100.0.253"), 4)!;
        Assert.Equal(["127.100.0.253", "127.100.0.254", "127.100.1.1", "127.100.1.2"], list.Select(a => a.ToString()));
        Assert.Null(LabFleet.Addresses(IPAddress.Parse("127.255.255.250"), 10));
        Assert.Null(LabFleet.Addresses(IPAddress.Parse("10.0.0.1"), 1));
        Assert.Equal(10_000, LabFleet.Addresses(IPAddress.Parse("127.100.0.1"), 10_000)!.Distinct().Count());
    }

    [Fact]
    public async Task TheTargetList_NamesEveryAddress_WithTheFqdnTheConsoleKnowsAndTheScenario()
    {
        await using var fleet = await StartAsync(LabFleetMix.Parse("renamed=1,silent=1", out _)!, 2);

        var lines = fleet.TargetList().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("# oobwizard lab fleet: 2 addresses", lines[0], StringComparison.Ordinal);
        Assert.Equal("host,fqdn,notes", lines[1]);
        var renamed = fleet.Devices.Single(d => d.Name == "renamed");
        Assert.Contains($"{renamed.Address},sales-pc12.corp.contoso.com,renamed", lines);
        Assert.Contains($"{fleet.Devices.Single(d => d.Scenario is null).Address},,silent", lines);
    }

    [Fact]
    public async Task TwoFleets_RunSideBySide_OnTheirOwnPorts_AndAPortInUseIsRefused()
    {
        await using var a = await StartAsync(LabFleetMix.Parse("healthy=1", out _)!, 1);
        await using var b = await StartAsync(LabFleetMix.Parse("healthy=1", out _)!, 1);
        Assert.NotEqual(a.HttpPort, b.HttpPort);

        await Assert.ThrowsAsync<SocketException>(() => LabFleet.StartAsync(new LabFleetOptions
        {
            Count = 1, Mix = LabFleetMix.Default, Credentials = LabCredentials.Random(), BasePort = a.HttpPort,
        }));
    }
}
