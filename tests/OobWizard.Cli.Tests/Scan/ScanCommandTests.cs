using System.Globalization;
using System.Text;
using System.Text.Json;
using OobWizard.Lab;
using OobWizard.Lab.Fleet;

namespace OobWizard.Cli.Tests.Scan;

/// <summary>`oobwizard scan` against a real lab fleet: statuses per scenario, the site-wide refusal stop, Ctrl+C and resume, shards.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-scan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Result(int Exit, string Out, string Err)
    {
        public IReadOnlyList<JsonElement> Records => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Task<LabFleet> FleetAsync(string mix, int count, TimeSpan? delay = null) =>
        LabFleet.StartAsync(new LabFleetOptions { Count = count, Mix = LabFleetMix.Parse(mix, out _)!, Credentials = LabCredentials.Random(), ResponseDelay = delay ?? TimeSpan.Zero, Seed = 5 });

    private string TargetsOf(LabFleet fleet)
    {
        var path = Path.Combine(_dir, $"targets-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, fleet.TargetList());
        return path;
    }

    private static string[] Args(LabFleet fleet, string targets, params string[] more) =>
    [
        "scan", "--targets", targets, "--http-port", Text(fleet.HttpPort), "--tls-port", Text(fleet.TlsPort),
        "--redirection-port", Text(fleet.RedirectionPort), "--rmcp-port", Text(fleet.RmcpPort), "--first-contact-timeout", "5", .. more,
    ];

    private static async Task<Result> RunAsync(string password, string[] args, string stdin = "", CancellationToken ct = default, TextWriter? output = null, bool terminalInput = false)
    {
        var o = output ?? new StringWriter();
        var e = new StringWriter();
        var host = new CliHost
        {
            In = new StringReader(stdin),
            Out = TextWriter.Synchronized(o),
            Err = TextWriter.Synchronized(e),
            Env = name => name == "OOBW_AMT_PASSWORD" ? password : null,
            IsTerminal = false,
            InputIsTerminal = terminalInput,
        };
        var exit = await CliApp.RunAsync(args, host, ct);
        return new Result(exit, o.ToString()!, e.ToString());
    }

    [Fact]
    public async Task AMixedFleet_GivesEveryDeviceOneJsonLine_WithItsScenariosStatus_AndASummaryOnStandardError()
    {
        await using var fleet = await FleetAsync("healthy=4,cert-hash-missing=2,redirection-disabled=1,renamed=1,other-management-solution=1,power-state-only=1,silent=2", 12);
        var rootCa = Path.Combine(_dir, "root.pem");
        await File.WriteAllTextAsync(rootCa, LabCertificates.ProvisioningRoot.ExportCertificatePem());

        var run = await RunAsync(fleet.Options.Credentials.Password, Args(fleet, TargetsOf(fleet), "--json", "--root-ca", rootCa, "--parallel", "5"));

        Assert.True(run.Exit == 1, run.Err);
        var records = run.Records;
        Assert.Equal(12, records.Count);
        Assert.Equal(fleet.Devices.Select(d => d.Address.ToString()).Order(), records.Select(r => r.GetProperty("target").GetString()!).Order());
        foreach (var r in records)
        {
            var notes = r.GetProperty("notes").GetString();
            var expected = notes switch
            {
                "healthy" => "ok",
                "silent" => "unreachable",
                "other-management-solution" => "refused",
                _ => "findings",
            };
            Assert.True(r.GetProperty("status").GetString() == expected, $"{notes}: {r}");
            var scenario = LabScenarios.Find(notes!);
            if (scenario is { DiagnosisId: not "none" })
            {
                Assert.Contains(scenario.DiagnosisId, r.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()));
            }
        }

        Assert.Contains("Checked 12 of 12 devices", run.Err, StringComparison.Ordinal);
        Assert.Contains("By diagnosis", run.Err, StringComparison.Ordinal);
        Assert.Contains("prov.cert-hash-missing", run.Err, StringComparison.Ordinal);
        Assert.Contains("✗ amt.reachable: closed", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(fleet.Options.Credentials.Password, run.Out + run.Err, StringComparison.Ordinal);
        Assert.All(fleet.Devices, d => Assert.True(d.PeakInFlight <= 1, $"{d}: {d.PeakInFlight} requests at once"));
        Assert.Equal(1, fleet.RefusedAuthorizations);
    }

    [Fact]
    public async Task AWrongPassword_StopsTheScanAfterTheFirstRefusals_BeforeItReachesTheSite()
    {
        await using var fleet = await FleetAsync("healthy=1", 24);

        var run = await RunAsync("Wrong-" + Guid.NewGuid().ToString("N"), Args(fleet, TargetsOf(fleet), "--json", "--auth-refusals", "2", "--parallel", "12"));

        Assert.True(run.Exit == 3, run.Err);
        Assert.Equal(2, fleet.RefusedAuthorizations);
        Assert.Equal(2, fleet.Devices.Count(d => d.RefusedAuthorizations == 1));
        Assert.All(run.Records, r => Assert.Equal("refused", r.GetProperty("status").GetString()));
        Assert.Equal(2, run.Records.Count);
        Assert.Contains("The first 2 devices that answered refused the password for admin", run.Err, StringComparison.Ordinal);
        Assert.Contains("Stopped: the password was sent to no other device", run.Err, StringComparison.Ordinal);
        Assert.Contains("Checked 2 of 24 devices", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "j", "[j/N]", true)]
    [InlineData("de", "Ja", "[j/N]", true)]
    [InlineData("de", "y", "[j/N]", true)]
    [InlineData("de", "n", "[j/N]", false)]
    [InlineData("ja", "はい", "[y/N]", true)]
    [InlineData("ja", "yes", "[y/N]", true)]
    [InlineData("ja", "いいえ", "[y/N]", false)]
    public async Task TheSiteWideRefusalQuestion_ShowsAndTakesTheLanguagesYes(string lang, string answer, string letters, bool goesOn)
    {
        await using var fleet = await FleetAsync("healthy=1", 3);

        var run = await RunAsync("Wrong-" + Guid.NewGuid().ToString("N"), ["--lang", lang, .. Args(fleet, TargetsOf(fleet), "--json", "--auth-refusals", "1", "--parallel", "1")],
            stdin: answer + "\n", terminalInput: true);

        Assert.Contains(letters + " ", run.Err, StringComparison.Ordinal);
        Assert.Equal(goesOn ? 3 : 1, fleet.RefusedAuthorizations);
        Assert.All(fleet.Devices, d => Assert.True(d.RefusedAuthorizations <= 1, $"{d}: the refused password was sent {d.RefusedAuthorizations} times"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public void EveryYesNoQuestion_ShowsTheLettersItTakes(string lang)
    {
        var messages = Messages.Load(new OobWizard.Core.Content.FolderContentSource(Support.Repo.Content), lang);
        var first = YesAnswer.Words(messages)[0];
        var questions = File.ReadLines(Path.Combine(Support.Repo.Content, lang, "messages.yaml"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^([\w.\-]+):.*\[(\w+)/N\]")).Where(m => m.Success).ToList();
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.True(q.Groups[2].Value == first, $"{lang} {q.Groups[1].Value} shows [{q.Groups[2].Value}/N] but takes {first} as yes"));
        Assert.True(YesAnswer.IsYes(" " + first.ToUpperInvariant() + " ", messages));
        Assert.False(YesAnswer.IsYes("", messages));
        Assert.False(YesAnswer.IsYes(null, messages));
    }

    [Fact]
    public async Task ContinueOnAuthFail_TriesEveryDeviceOnce_AndNeverTwice()
    {
        await using var fleet = await FleetAsync("healthy=1", 10);

        var run = await RunAsync("Wrong-" + Guid.NewGuid().ToString("N"), Args(fleet, TargetsOf(fleet), "--json", "--continue-on-auth-fail"));

        Assert.True(run.Exit == 1, run.Err);
        Assert.Equal(10, run.Records.Count);
        Assert.All(fleet.Devices, d => Assert.Equal(1, d.RefusedAuthorizations));
        Assert.Contains("10 refused the password", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlC_StopsCleanly_WithAPartialSummary_AndResumeChecksOnlyTheRest()
    {
        await using var fleet = await FleetAsync("healthy=1", 30, TimeSpan.FromMilliseconds(60));
        var targets = TargetsOf(fleet);
        using var cts = new CancellationTokenSource();
        var output = new CancelAfterLines(3, cts);

        var first = await RunAsync(fleet.Options.Credentials.Password, Args(fleet, targets, "--json", "--parallel", "3"), ct: cts.Token, output: output);

        Assert.True(first.Exit == 130, first.Err);
        var done = first.Records.Count;
        Assert.InRange(done, 3, 29);
        Assert.EndsWith("\n", first.Out, StringComparison.Ordinal);
        Assert.Contains($"Interrupted: {done} of 30 devices checked", first.Err, StringComparison.Ordinal);
        Assert.Contains($"Checked {done} of 30 devices", first.Err, StringComparison.Ordinal);
        Assert.Contains("--resume-from", first.Err, StringComparison.Ordinal);

        var saved = Path.Combine(_dir, "first.jsonl");
        await File.WriteAllTextAsync(saved, first.Out);
        var rest = await RunAsync(fleet.Options.Credentials.Password, Args(fleet, targets, "--json", "--resume-from", saved));

        Assert.True(rest.Exit == 0, rest.Err);
        Assert.Contains($"({done} done before: --resume-from)", rest.Err, StringComparison.Ordinal);
        var all = first.Records.Concat(rest.Records).Select(r => r.GetProperty("target").GetString()).ToList();
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Distinct().Count());
    }

    [Fact]
    public async Task Shards_SplitTheList_AndTheirJsonLinesMergeByConcatenation()
    {
        await using var fleet = await FleetAsync("healthy=1", 9);
        var targets = TargetsOf(fleet);
        var merged = new StringBuilder();
        for (var k = 1; k <= 3; k++)
        {
            var run = await RunAsync(fleet.Options.Credentials.Password, Args(fleet, targets, "--json", "--shard", $"{k}/3"));
            Assert.True(run.Exit == 0, run.Err);
            Assert.Equal(3, run.Records.Count);
            Assert.Contains($"shard {k}/3", run.Err, StringComparison.Ordinal);
            merged.Append(run.Out);
        }

        var lines = merged.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(fleet.Devices.Select(d => d.Address.ToString()).Order(), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("target").GetString()!).Order());

        var all = Path.Combine(_dir, "all.jsonl");
        await File.WriteAllTextAsync(all, merged.ToString());
        var again = await RunAsync(fleet.Options.Credentials.Password, Args(fleet, targets, "--resume-from", all));
        Assert.Equal(0, again.Exit);
        Assert.Contains("Nothing to check: all 9 devices of the list are already in --resume-from.", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetsFromStandardInput_AndABadList_ChecksNothing()
    {
        await using var fleet = await FleetAsync("healthy=1", 2);
        var hosts = string.Join("\n", fleet.Devices.Select(d => d.Address));

        var good = await RunAsync(fleet.Options.Credentials.Password, Args(fleet, "-"), stdin: hosts + "\n");
        Assert.True(good.Exit == 0, good.Err);
        Assert.Contains("Checked 2 of 2 devices", good.Out, StringComparison.Ordinal);
        Assert.Contains("2 without findings", good.Out, StringComparison.Ordinal);
        var requests = fleet.RequestCount;

        var bad = await RunAsync(fleet.Options.Credentials.Password, Args(fleet, "-"), stdin: hosts + "\nnot a host\n10.0.0.1,10.0.0.2\n");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("oobwizard: <stdin>:3: host 'not a host'", bad.Err, StringComparison.Ordinal);
        Assert.Contains("oobwizard: <stdin>:4: FQDN '10.0.0.2'", bad.Err, StringComparison.Ordinal);
        Assert.Contains("2 bad lines in the target list; nothing was checked", bad.Err, StringComparison.Ordinal);
        Assert.Equal(requests, fleet.RequestCount);
    }

    [Fact]
    public async Task UsageErrors_AreOneLineEach_WithExitTwo()
    {
        var missing = Path.Combine(_dir, "missing.txt");
        var list = Path.Combine(_dir, "list.txt");
        await File.WriteAllTextAsync(list, "127.0.0.1\n");
        foreach (var (args, expected) in new (string[], string)[]
                 {
                     (["scan"], "scan needs --targets FILE"),
                     (["scan", "--targets", missing], $"--targets {missing}: no such file"),
                     (["scan", "--targets", _dir], $"--targets {_dir} is a folder, not a file"),
                     (["scan", "--targets", list, "--shard", "4/3"], "--shard '4/3': write K/N"),
                     (["scan", "--targets", list, "--parallel", "0"], "--parallel: give 1 to 4096"),
                     (["scan", "--targets", list, "--resume-from", list], $"--resume-from {list}: no line in it is a scan record"),
                     (["scan", "--targets", Path.Combine(_dir, "empty.txt")], "no host in it"),
                 })
        {
            if (args.Contains(Path.Combine(_dir, "empty.txt"))) await File.WriteAllTextAsync(Path.Combine(_dir, "empty.txt"), "# nothing\n");
            var run = await RunAsync("x", args);
            Assert.True(run.Exit == 2, string.Join(' ', args) + ": " + run.Err);
            Assert.Contains(expected, run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LabServeFleet_WritesTheTargetList_ButNeverOverAFileWithoutForce()
    {
        var targets = Path.Combine(_dir, "fleet.csv");
        await File.WriteAllTextAsync(targets, "keep me\n");
        var refused = await RunAsync("x", ["lab", "serve", "--fleet", "3", "--write-targets", targets]);
        Assert.Equal(2, refused.Exit);
        Assert.Contains($"--write-targets {targets} already exists; pass --force to replace it", refused.Err, StringComparison.Ordinal);
        Assert.Equal("keep me\n", await File.ReadAllTextAsync(targets));

        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync(); // serve starts, writes, and stops at once, as after Ctrl+C
        var served = await RunAsync("Lab-Password-1", ["lab", "serve", "--fleet", "3", "--mix", "healthy=2,silent=1", "--write-targets", targets, "--force"], ct: stopped.Token);
        Assert.True(served.Exit == 0, served.Err);
        var lines = (await File.ReadAllLinesAsync(targets)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["host", "127.100.0.1", "127.100.0.2", "127.100.0.3"], lines.Select(l => l.Split(',')[0]));
        Assert.Contains("scan --targets " + targets + " --http-port", served.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, ".fleet.csv.*"));

        var tlsOnly = await RunAsync("x", ["lab", "serve", "--fleet", "3", "--mix", "tls-only=1"]);
        Assert.Equal(2, tlsOnly.Exit);
        Assert.Contains("tls-only needs port 16992 closed", tlsOnly.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabServeFleet_SuggestsACommandThatRunsFromAnyFolder_WithTheLabsOwnPassword()
    {
        // A relative --write-targets, as a user types it: the suggested scan names the file absolutely.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_dir, "t.csv"));
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();
        var o = new StringWriter();
        var host = new CliHost { In = new StringReader(""), Out = o, Err = new StringWriter(), Env = _ => null, IsTerminal = false };

        var exit = await CliApp.RunAsync(["lab", "serve", "--fleet", "2", "--write-targets", relative], host, stopped.Token);

        Assert.True(exit == 0, o.ToString());
        var text = o.ToString();
        var password = System.Text.RegularExpressions.Regex.Match(text, @"Password: (Lab-[0-9A-F]+)").Groups[1].Value;
        Assert.NotEmpty(password);
        var suggested = text.Split('\n').Single(l => l.Contains(" scan --targets ", StringComparison.Ordinal)).Trim();
        Assert.StartsWith($"OOBW_AMT_PASSWORD={password} oobwizard scan --targets {Path.Combine(_dir, "t.csv")} --http-port ", suggested, StringComparison.Ordinal);
        Assert.DoesNotContain("...", suggested, StringComparison.Ordinal);
    }

    /// <summary>Standard output that presses Ctrl+C (cancels) once it has seen a number of whole lines.</summary>
    private sealed class CancelAfterLines(int lines, CancellationTokenSource cts) : StringWriter
    {
        private int _seen;

        public override void Write(string? value)
        {
            base.Write(value);
            _seen += value?.Count(c => c == '\n') ?? 0;
            if (_seen >= lines) cts.Cancel();
        }
    }
}
