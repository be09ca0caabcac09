using System.Net;
using System.Net.Sockets;
using OobWizard.Cli.Tests.Support;
using OobWizard.Lab;

namespace OobWizard.Cli.Tests;

/// <summary>`oobwizard check` against lab devices: it reads like the wizard and tells one story per device.</summary>
public sealed class CheckCommandTests
{
    private static int _next = Environment.ProcessId % 200 * 250;

    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([127, 212, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 1)]);
    }

    private static Task<LabDevice> StartAsync(string scenario) =>
        LabDevice.StartAsync(LabScenarios.Find(scenario)!, NextAddress(), LabPorts.Ephemeral, LabCredentials.Random());

    private static string[] CheckArgs(LabEndpoint e) =>
    [
        "check", "--target", e.Host, "--http-port", e.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--tls-port", e.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--redirection-port", (e.RedirectionPort ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--rmcp-port", (e.RmcpPort ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    private static readonly string[] Glyphs = ["✓ ", "✗ ", "? ", "! "];

    [Fact]
    public async Task Check_ReadsLikeTheWizard_AndAHealthyDeviceExitsZeroWithoutRootCa()
    {
        await using var device = await StartAsync("healthy");
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = device.Endpoint.Password;

        run.Run("", CheckArgs(device.Endpoint));

        Assert.True(run.Exit == 0, run.Out + run.Err);
        var probeLines = run.Out.Split('\n').Where(l => l.Contains("amt.", StringComparison.Ordinal) && !l.StartsWith(' ')).ToList();
        Assert.Equal(11, probeLines.Count);
        Assert.All(probeLines, l => Assert.Contains(Glyphs, g => l.StartsWith(g, StringComparison.Ordinal)));
        Assert.Contains("? amt.cert-hashes: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("was not checked", run.Out, StringComparison.Ordinal);
        Assert.Contains("10 passed, 0 findings, 1 inconclusive, 0 errors", run.Out, StringComparison.Ordinal);
        Assert.Equal(OutcomeGlyph.For("finding", unicode: true) + " ", Glyphs[1]);
    }

    [Fact]
    public async Task Check_OneFindingIsSingular_AndNoWordIsDoubled()
    {
        await using var device = await StartAsync("redirection-disabled");
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = device.Endpoint.Password;

        run.Run("", CheckArgs(device.Endpoint));

        Assert.Equal(1, run.Exit);
        Assert.Contains(" 1 finding,", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("disabled: disabled", run.Out, StringComparison.Ordinal);
        Assert.Contains("✗ amt.redirection: Serial over LAN, IDE redirection and the redirection listener are disabled", run.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\S+ [a-z.\-]+: (\w+): \1", run.Out);
    }

    [Fact]
    public async Task Check_AWrongPassword_TellsOneStory_AndIsSentOnce()
    {
        await using var device = await StartAsync("healthy");
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = "Wrong-" + Guid.NewGuid().ToString("N");

        run.Run("", CheckArgs(device.Endpoint));

        Assert.Equal(1, run.Exit);
        Assert.Equal(1, device.RefusedAuthorizations);
        Assert.Contains("✗ amt.auth: AMT refused the password for admin", run.Out, StringComparison.Ordinal);
        Assert.Contains("? amt.general: not asked: the password for admin was refused (see amt.auth)", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:99999", "not a port")]
    [InlineData("ftp://pc01.corp.example.com/", "only http:// and https://")]
    [InlineData("pc01 corp", "not a host name")]
    [InlineData("http://admin:secret@pc01.corp.example.com:16992/wsman", "no user or password in the URL")]
    public void Check_ATargetItCannotUse_IsRefusedInOneLine(string target, string why)
    {
        using var run = new CliRun();

        run.Run("", "check", "--target", target);

        Assert.Equal(2, run.Exit);
        Assert.Contains(why, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ATargetWrittenAsAUrl_PutsThePortWhereItBelongs()
    {
        await using var device = await StartAsync("healthy");
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = device.Endpoint.Password;

        run.Run("", "check", "--target", $"http://{device.Endpoint.Host}:{device.Endpoint.HttpPort}/wsman", "--tls-port", device.Endpoint.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains($"AMT check of {device.Endpoint.Host} as admin", run.Out, StringComparison.Ordinal);
        Assert.Contains("✓ amt.auth: AMT accepts the credentials of admin", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ProvisionServer.", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pc01.corp.example.com:16992", "pc01.corp.example.com", 16992, null, false)]
    [InlineData("pc01.corp.example.com:16993", "pc01.corp.example.com", null, 16993, true)]
    [InlineData("https://pc01.corp.example.com:17000/wsman", "pc01.corp.example.com", null, 17000, true)]
    [InlineData("http://10.0.0.5/", "10.0.0.5", null, null, false)]
    [InlineData("[fe80::1]:16992", "fe80::1", 16992, null, false)]
    [InlineData("fe80::1", "fe80::1", null, null, false)]
    public void TargetSpec_ParsesWhatUsersType(string text, string host, int? http, int? tls, bool useTls)
    {
        Assert.True(TargetSpec.TryParse(text, out var spec, out var error), error);
        Assert.Equal(new TargetSpec(host, http, tls, useTls), spec);
    }

    [Fact]
    public async Task Check_CtrlCDuringAProbe_Exits130_AndReportsNoFalseTimeout()
    {
        var address = NextAddress();
        await using var silent = new LabTcpPortListener(address, 0, silent: true);
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost { In = new StringReader(""), Out = output, Err = error, Env = _ => null, IsTerminal = false };
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var exit = await CliApp.RunAsync(["check", "--target", address.ToString(), "--http-port", silent.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "30"], host, ctrlC.Token);

        Assert.Equal(130, exit);
        Assert.DoesNotContain("no answer within", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("interrupted", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--request-timeout", "NaN")]
    [InlineData("--request-timeout", "0")]
    [InlineData("--first-contact-timeout", "-1")]
    public void Check_TimeoutOptions_AreValidated(string option, string value)
    {
        using var run = new CliRun();

        run.Run("", "check", "--target", "127.0.0.1", option, value);

        Assert.Equal(2, run.Exit);
        Assert.Contains(option, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wizard_ARefusedPasswordIsOfferedAgain_AndNeverSentTwice()
    {
        await using var device = await StartAsync("healthy");
        using var run = new CliRun();
        var wrong = "Wrong-" + Guid.NewGuid().ToString("N");
        run.Env["OOBW_AMT_PASSWORD"] = wrong;

        // Symptom "power state only" starts at the amt.power probe; the second line is the password typed again.
        run.Run($"power-state-only\n{device.Endpoint.Password}\n", "--plain", "--lang", "en", "--target", $"http://{device.Endpoint.Host}:{device.Endpoint.HttpPort}/wsman");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("AMT refused the password for admin", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, device.RefusedAuthorizations);
        var session = run.LoadSession();
        Assert.Equal("sym.functions-fail", session.State.Current); // power and more answer: which function fails is asked
        Assert.DoesNotContain(wrong, File.ReadAllText(run.OnlySessionFile()), StringComparison.Ordinal);
        Assert.DoesNotContain(device.Endpoint.Password, File.ReadAllText(run.OnlySessionFile()), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TheSummaryTime_IsTheWholeCheck_IncludingSlowDnsProbes()
    {
        // A DNS server that never answers: the DNS probes wait their timeout while the AMT side ends at once
        // (the target does not resolve). The summary said "in 0.0 s" after seconds of DNS timeouts.
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;
        using var run = new CliRun();
        var wall = System.Diagnostics.Stopwatch.StartNew();

        run.Run("", "check", "--target", "amt-pc.corp.example.invalid", "--dns", "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--domain", "corp.example.invalid", "--timeout", "1");
        wall.Stop();

        var match = System.Text.RegularExpressions.Regex.Match(run.Out, @"errors? in (\d+\.\d) s");
        Assert.True(match.Success, run.Out + run.Err);
        var seconds = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(seconds >= 1.0, $"summary says {seconds} s; a DNS probe waited its 1 s timeout\n{run.Out}");
        Assert.True(seconds <= wall.Elapsed.TotalSeconds + 0.1, $"summary says {seconds} s, the run took {wall.Elapsed.TotalSeconds} s");
    }
}
