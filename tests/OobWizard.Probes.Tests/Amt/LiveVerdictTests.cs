using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OobWizard.Lab;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Amt.Wsman;
using OobWizard.Probes.Tests.Support;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>
/// Live verdicts a field engineer can trust (issue 8, live checks): each test is one kind of wrong verdict, shown
/// against a lab device or a small loopback server, as the lab is.
/// </summary>
public sealed class LiveVerdictTests
{
    private const string Nginx404 = "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>";

    private static async Task<AmtCheckReport> CheckAsync(LabDevice device, string? password = null, bool useTls = false, string? caFile = null)
    {
        var context = device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(5), useTls: useTls);
        if (password is not null) context = context.With(password: password);
        if (caFile is not null) context = new ProbeContext
        {
            Target = context.Target, HttpPort = context.HttpPort, TlsPort = context.TlsPort, User = context.User, Password = context.Password,
            Timeout = context.Timeout, CaFile = caFile, UseTls = useTls,
        };
        return await AmtCheck.RunAsync(context, device.Endpoint.CreateProbeOptions(TimeSpan.FromMilliseconds(500)));
    }

    private static ProbeResult Of(AmtCheckReport report, string probe) => report.Entries.Single(e => e.Result.ProbeId == probe).Result;

    [Fact]
    public async Task Lockout_AWrongPasswordIsSentOnce_AndNeverAgainInTheRun()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Healthy);

        var report = await CheckAsync(device, password: "Wrong-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(1, device.RefusedAuthorizations);
        var auth = Of(report, "amt.auth");
        Assert.Equal("refused", auth.Verdict);
        Assert.Contains("refused the password", auth.Summary, StringComparison.Ordinal);
        // The other authenticated probes did not try it again, and say why in one line.
        Assert.All(report.Entries.Where(e => e.Result.ProbeId is "amt.general" or "amt.redirection" or "amt.power" or "amt.network" or "amt.cert-hashes"),
            e => Assert.Contains("was refused", e.Result.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lockout_AWrongPasswordOnAnUnprovisionedDevice_DoesNotBlameAnotherManagementSolution()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("cert-hash-missing"));

        var report = await CheckAsync(device, password: "Wrong-" + Guid.NewGuid().ToString("N"));

        Assert.Equal("refused", Of(report, "amt.auth").Verdict);
        Assert.DoesNotContain(AmtDiagnoses.OtherManagementSolution, report.SuggestedDiagnoses);
        Assert.Equal(1, device.RefusedAuthorizations);
    }

    [Fact]
    public async Task Lockout_TheGuardIsSharedByEveryContextOfARun()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Healthy);
        var run = new ProbeRun();
        var runner = new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions()));
        var wrong = "Wrong-" + Guid.NewGuid().ToString("N");

        // The wizard builds a new context for each step; the run is what they share.
        foreach (var probe in new[] { "amt.auth", "amt.general", "amt.redirection", "amt.auth" })
        {
            var context = device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(5), run: run).With(password: wrong);
            run.Refresh();
            await runner.RunAsync(probe, context);
        }

        Assert.Equal(1, device.RefusedAuthorizations);
        Assert.True(run.Credentials.IsRefused(device.Endpoint.User, wrong));
        // The right password is still welcome.
        var right = await runner.RunAsync("amt.auth", device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(5), run: run));
        Assert.Equal("pass", right.Verdict);
    }

    [Theory]
    [InlineData("Digest realm=\"Digest:00000000000000000000000000000000\", qop=\"auth\"", "no nonce")]
    [InlineData("Digest realm=\"Digest:00000000000000000000000000000000\", nonce=\"abc\", algorithm=SHA-512-256, qop=\"auth\"", "SHA-512-256")]
    [InlineData("Digest realm=\"Digest:0000 nonce=abc, qop", "cannot be read")]
    [InlineData("Basic realm=\"AMT\"", "only Basic")]
    public async Task UnanswerableChallenge_SendsNothing_AndDiagnosesNothing(string challenge, string reason)
    {
        var address = LabAddresses.Next();
        await using var server = new TinyHttpServer(address, request => request.Contains("Identify", StringComparison.Ordinal)
            ? (401, ["Server: Intel(R) Active Management Technology 15.0.23.1706", "WWW-Authenticate: " + challenge, "Content-Type: text/html"], "Log on failed.")
            : (401, ["Server: Intel(R) Active Management Technology 15.0.23.1706", "WWW-Authenticate: " + challenge, "Content-Type: text/html"], "Log on failed."));
        var context = new ProbeContext { Target = address.ToString(), HttpPort = server.Port, TlsPort = FreePort(address), Password = "secret", Timeout = TimeSpan.FromSeconds(3) };

        var auth = await new ProbeRunner(AmtProbes.All(new AmtProbeOptions { RmcpPort = FreeUdpPort(address), ExtraTcpPorts = [] })).RunAsync("amt.auth", context);

        Assert.Equal(0, server.Authorized);
        Assert.Equal(ProbeOutcome.Inconclusive, auth.Outcome);
        Assert.Contains("cannot be answered", auth.Summary, StringComparison.Ordinal);
        Assert.Contains(reason, auth.Summary, StringComparison.Ordinal);
        Assert.Empty(auth.SuggestedDiagnoses);
    }

    [Fact]
    public async Task NotAmt_AWebServerAnswering404IsNotAmtForEveryProbe()
    {
        var address = LabAddresses.Next();
        await using var server = new TinyHttpServer(address, _ => (404, ["Server: nginx/1.24.0", "Content-Type: text/html"], Nginx404));
        var context = new ProbeContext { Target = address.ToString(), HttpPort = server.Port, TlsPort = FreePort(address), Password = "secret", Timeout = TimeSpan.FromSeconds(3) };

        var report = await AmtCheck.RunAsync(context, new AmtProbeOptions { RmcpPort = FreeUdpPort(address), ExtraTcpPorts = [], ConnectTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal("not-amt", Of(report, "amt.identify").Verdict);
        foreach (var entry in report.Entries.Where(e => e.Result.ProbeId != "amt.identify"))
        {
            Assert.Contains("not an AMT device", entry.Result.Summary, StringComparison.Ordinal);
            Assert.NotEqual(ProbeOutcome.Pass, entry.Result.Outcome);
        }

        Assert.Equal(0, server.Authorized);
        Assert.True(server.Requests <= 2, $"{server.Requests} requests");
    }

    [Fact]
    public async Task OneTlsAnswer_AmtTlsAgreesWithTheProbesThatWithheldCredentials()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("renamed"));

        var report = await CheckAsync(device, useTls: true);

        var tls = Of(report, "amt.tls");
        Assert.NotEqual("pass", tls.Verdict);
        Assert.Equal("untrusted", tls.Verdict);
        Assert.Contains("self-signed", tls.Summary, StringComparison.Ordinal);
        var general = Of(report, "amt.general");
        Assert.Contains("did not validate (see amt.tls)", general.Summary, StringComparison.Ordinal);
        // The same words in both: one evaluation.
        Assert.Contains(general.Evidence, e => e.Name == "TLS problems" && e.Value.Contains("self-signed", StringComparison.Ordinal) && tls.Summary.Contains(e.Value, StringComparison.Ordinal));
        Assert.Equal(0, device.RefusedAuthorizations + device.AcceptedAuthorizations);
    }

    [Fact]
    public async Task OneTlsAnswer_NamesEveryProblemOfTheCertificate()
    {
        var spec = new LabTlsCertificateSpec(DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddDays(-3), SubjectName: "old-name.corp.contoso.com");
        await using var device = await LabDeviceFixture.StartAsync(model: new LabDeviceModel { TlsCertificate = spec });
        var context = device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(5)).With(fqdn: "amt-pc01.corp.contoso.com");

        var tls = await new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions())).RunAsync("amt.tls", context);

        Assert.Equal("expired", tls.Verdict);
        Assert.Contains("name mismatch", tls.Summary, StringComparison.Ordinal);
        Assert.Contains("untrusted root", tls.Summary, StringComparison.Ordinal);
        Assert.Contains(AmtDiagnoses.RenamedOrMoved, tls.SuggestedDiagnoses);
    }

    [Fact]
    public async Task PortsAsTheDeviceHasThem_ATlsOnlyDeviceIsProbedOverTls()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("tls-only"));
        var root = Path.Combine(Path.GetTempPath(), $"oobw-root-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(root, device.Endpoint.ProvisioningRootCaPem);
        try
        {
            var report = await CheckAsync(device, caFile: root);

            var reachable = Of(report, "amt.reachable");
            Assert.Equal("tls-only", reachable.Verdict);
            Assert.Contains("--tls", reachable.Summary, StringComparison.Ordinal);
            Assert.Equal("pass", Of(report, "amt.identify").Verdict);
            Assert.Equal("pass", Of(report, "amt.auth").Verdict);
            Assert.Contains(Of(report, "amt.auth").Evidence, e => e.Name == "connection" && e.Value.StartsWith("https://", StringComparison.Ordinal));
            Assert.DoesNotContain(report.Entries, e => e.Result.Summary.Contains("cannot connect", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(root);
        }
    }

    [Fact]
    public async Task FirmwareBeyondConfigMgr2007_IsAFindingThatSaysWhatToDoInstead()
    {
        await using var device = await LabDeviceFixture.StartAsync(model: new LabDeviceModel { FirmwareVersion = "16.1.25.2124" });

        var result = await new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions())).RunAsync("amt.version-support", device.Endpoint.CreateProbeContext());

        Assert.Equal("unsupported", result.Verdict);
        Assert.Contains("newer than any ConfigMgr 2007 release supports", result.Summary, StringComparison.Ordinal);
        Assert.Contains(result.Evidence, e => e.Name == "what the site can do");
        Assert.All(ConfigMgrAmtSupport.Rules, r => Assert.False(r.Supports(new AmtVersion(16, 1, 25, null))));
        Assert.True(ConfigMgrAmtSupport.Rules.Single(r => r.Release.EndsWith("SP2", StringComparison.Ordinal)).Supports(new AmtVersion(6, 2, 10, null)));
    }

    [Fact]
    public async Task Timing_AmtRequestsGoOneAtATime_EvenWhenProbesRunTogether()
    {
        await using var device = await LabDeviceFixture.StartAsync(model: new LabDeviceModel { ResponseDelay = TimeSpan.FromMilliseconds(30) });
        var context = device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(10));
        var runner = new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions()));

        await Task.WhenAll(runner.Probes.Select(p => runner.RunAsync(p.Id, context)));

        Assert.Equal(1, device.PeakInFlight);
    }

    [Fact]
    public async Task Timing_NoRmcpPongIsInconclusiveNeverAbsent()
    {
        await using var device = await LabDeviceFixture.StartAsync(model: new LabDeviceModel { RmcpPingResponseEnabled = false });

        var result = await new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions())).RunAsync("amt.reachable", device.Endpoint.CreateProbeContext());

        var rmcp = Assert.Single(result.Evidence, e => e.Name.StartsWith("RMCP ping", StringComparison.Ordinal));
        Assert.Contains("inconclusive", rmcp.Value, StringComparison.Ordinal);
        Assert.Contains("before 4.0", rmcp.Value, StringComparison.Ordinal);
        Assert.Equal("pass", result.Verdict);
    }

    [Fact]
    public async Task Timing_ASlowDeviceIsSaidToBeSlow()
    {
        await using var device = await LabDeviceFixture.StartAsync(model: new LabDeviceModel { ResponseDelay = TimeSpan.FromMilliseconds(1100) });

        var result = await new ProbeRunner(AmtProbes.All(device.Endpoint.CreateProbeOptions())).RunAsync("amt.power", device.Endpoint.CreateProbeContext(TimeSpan.FromSeconds(20)));

        Assert.Equal("pass", result.Verdict);
        var slow = Assert.Single(result.Evidence, e => e.Name == "slow answers");
        Assert.Contains("CIM_AssociatedPowerManagementService", slow.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetThatDoesNotResolve_IsOneLineAndNoAmtErrors()
    {
        var context = new ProbeContext { Target = "amt-pc99.nonexistent.invalid", Password = "x", Timeout = TimeSpan.FromSeconds(3) };

        var report = await AmtCheck.RunAsync(context);

        var only = Assert.Single(report.Entries);
        Assert.Contains("does not resolve", only.Result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("WS-Man port", only.Result.Summary, StringComparison.Ordinal);
        Assert.NotEqual(ProbeOutcome.Error, only.Result.Outcome);
    }

    [Fact]
    public async Task HostileText_ControlCharactersFromTheNetworkAreShownEscaped()
    {
        var address = LabAddresses.Next();
        const string evil = "nginx\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202Egnp.exe";
        await using var server = new TinyHttpServer(address, _ => (404, ["Server: " + evil, "Content-Type: text/html"], Nginx404));
        var context = new ProbeContext { Target = address.ToString(), HttpPort = server.Port, TlsPort = FreePort(address), Timeout = TimeSpan.FromSeconds(3) };

        var report = await AmtCheck.RunAsync(context, new AmtProbeOptions { RmcpPort = FreeUdpPort(address), ExtraTcpPorts = [], ConnectTimeout = TimeSpan.FromMilliseconds(300) });

        var identify = Of(report, "amt.identify");
        var server_ = Assert.Single(identify.Evidence, e => e.Name == "Server header");
        Assert.Contains("\\x1b]0;pwned\\x07", server_.Value, StringComparison.Ordinal);
        var all = string.Join("|", report.Entries.SelectMany(e => e.Result.Evidence.Select(v => v.Value).Append(e.Result.Summary)));
        Assert.DoesNotContain(all, c => EvidenceText.IsUnsafe(c));
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.DoesNotContain(json.RootElement.GetRawText(), c => c == '\u001b');
    }

    [Fact]
    public async Task HostileText_ProxyUserInfoIsRedactedWhereverShown()
    {
        var probe = new OobWizard.Probes.Host.HostProxyProbe(new OobWizard.Probes.Host.HostProbeOptions
        {
            GetEnvironmentVariable = name => name == "http_proxy" ? "http://svc-proxy:S3cret!@proxy.corp.example.com:3128" : null,
            IsWindows = false,
        });

        var result = await probe.RunAsync(new ProbeContext { Target = "pc01.corp.example.com" }, CancellationToken.None);

        var shown = result.Summary + string.Join("|", result.Evidence.Select(e => e.Value));
        Assert.DoesNotContain("S3cret", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("svc-proxy", shown, StringComparison.Ordinal);
        Assert.Contains("http://***@proxy.corp.example.com:3128", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupted_CtrlCDuringAProbeIsNeverRecordedAsNoAnswer()
    {
        var address = LabAddresses.Next();
        await using var silent = new LabTcpPortListener(address, 0, silent: true);
        var context = new ProbeContext { Target = address.ToString(), HttpPort = silent.Port, TlsPort = FreePort(address), Timeout = TimeSpan.FromSeconds(20) };
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = new ProbeRunner(AmtProbes.All(new AmtProbeOptions { RmcpPort = FreeUdpPort(address), ExtraTcpPorts = [] })).RunAsync("amt.identify", context, ctrlC.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int FreeUdpPort(IPAddress address)
    {
        using var udp = new UdpClient(new IPEndPoint(address, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }
}
