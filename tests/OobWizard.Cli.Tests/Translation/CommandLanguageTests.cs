using System.Globalization;
using System.Net;
using OobWizard.Cli.Tests.Support;
using OobWizard.Lab;
using OobWizard.Lab.Fleet;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>Each command in de and ja (by --lang and by LANG): its own sentences come from the language's messages.yaml, no English ones.</summary>
public sealed class CommandLanguageTests : IDisposable
{
    private static int _next = Environment.ProcessId % 200 * 250;
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-lang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([127, 213, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 1)]);
    }

    private static (int Exit, string Out, string Err) Run(Dictionary<string, string?> env, string stdin, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var host = new CliHost
        {
            In = new StringReader(stdin),
            Out = TextWriter.Synchronized(o),
            Err = TextWriter.Synchronized(e),
            Env = name => env.GetValueOrDefault(name),
            IsTerminal = false,
        };
        var exit = CliApp.RunAsync(["--content", Repo.Content, .. args], host).GetAwaiter().GetResult();
        return (exit, o.ToString(), e.ToString());
    }

    public static TheoryData<string, bool> Choices() => new() { { "de", true }, { "ja", true }, { "de", false }, { "ja", false } };

    private static (Dictionary<string, string?> Env, string[] Lang) Choose(string lang, bool byOption) =>
        byOption ? (new Dictionary<string, string?> { ["LANG"] = "en_US.UTF-8" }, ["--lang", lang])
                 : (new Dictionary<string, string?> { ["LANG"] = lang == "de" ? "de_DE.UTF-8" : "ja_JP.UTF-8" }, []);

    [Theory]
    [MemberData(nameof(Choices))]
    public async Task Check_against_a_lab_device_speaks_the_language(string lang, bool byOption)
    {
        await using var device = await LabDevice.StartAsync(LabScenarios.Find("redirection-disabled")!, NextAddress(), LabPorts.Ephemeral, LabCredentials.Random());
        var (env, choose) = Choose(lang, byOption);
        env["OOBW_AMT_PASSWORD"] = device.Endpoint.Password;
        var e = device.Endpoint;

        var run = Run(env, "", [.. choose, "check", "--target", e.Host, "--http-port", Text(e.HttpPort), "--tls-port", Text(e.TlsPort),
            "--redirection-port", Text(e.RedirectionPort ?? 1), "--rmcp-port", Text(e.RmcpPort ?? 1)]);

        Assert.True(run.Exit == 1, run.Out + run.Err);
        Assert.Contains(lang == "de" ? "AMT-Prüfung von " : "の AMT チェック", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? " 1 Befund," : "問題 1 件", run.Out, StringComparison.Ordinal);
        EnglishLeak.AssertNone(lang, run.Out + run.Err, "check");
    }

    [Theory]
    [MemberData(nameof(Choices))]
    public async Task Scan_of_a_small_lab_fleet_speaks_the_language(string lang, bool byOption)
    {
        await using var fleet = await LabFleet.StartAsync(new LabFleetOptions { Count = 5, Mix = LabFleetMix.Parse("healthy=2,cert-hash-missing=1,redirection-disabled=1,silent=1", out _)!, Credentials = LabCredentials.Random(), Seed = 7 });
        var targets = Path.Combine(_dir, "targets.csv");
        await File.WriteAllTextAsync(targets, fleet.TargetList());
        var (env, choose) = Choose(lang, byOption);
        env["OOBW_AMT_PASSWORD"] = fleet.Options.Credentials.Password;

        var run = Run(env, "", [.. choose, "scan", "--targets", targets, "--http-port", Text(fleet.HttpPort), "--tls-port", Text(fleet.TlsPort),
            "--redirection-port", Text(fleet.RedirectionPort), "--rmcp-port", Text(fleet.RmcpPort), "--first-contact-timeout", "5"]);

        Assert.True(run.Exit == 1, run.Out + run.Err);
        Assert.Contains(lang == "de" ? "5 von 5 Geräten geprüft" : "5 台中 5 台をチェックしました", run.Out + run.Err, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Nach Diagnose" : "診断別", run.Out + run.Err, StringComparison.Ordinal);
        EnglishLeak.AssertNone(lang, run.Out + run.Err, "scan");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void Scan_usage_errors_and_a_bad_target_list_speak_the_language(string lang)
    {
        var env = new Dictionary<string, string?>();
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "pc01,not a name\npc02\npc02\n");

        var missing = Run(env, "", "--lang", lang, "scan");
        var parallel = Run(env, "", "--lang", lang, "scan", "--targets", bad, "--parallel", "0");
        var list = Run(env, "", "--lang", lang, "scan", "--targets", bad);

        Assert.Equal(2, missing.Exit);
        Assert.Contains("--targets", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, parallel.Exit);
        Assert.NotEqual(0, list.Exit);
        Assert.Contains("not a name", list.Err, StringComparison.Ordinal);
        foreach (var r in new[] { missing, parallel, list })
        {
            EnglishLeak.AssertNone(lang, r.Out + r.Err, "scan usage");
        }
    }

    [Fact]
    public void The_leak_list_holds_the_english_sentences_and_would_catch_them()
    {
        var fragments = EnglishLeak.Fragments("de");

        Assert.Contains("Suggested diagnoses", fragments);
        Assert.Contains(fragments, f => f.Contains("the probe that was running", StringComparison.Ordinal));
        Assert.DoesNotContain("JSON Lines", fragments);
        Assert.Throws<Xunit.Sdk.TrueException>(() => EnglishLeak.AssertNone("de", "Suggested diagnoses: x", "self-test"));
    }

    [Fact]
    public void A_missing_translation_is_shown_in_english_and_recorded_never_silently()
    {
        var messages = new Messages("de", new Dictionary<string, string>(), new Dictionary<string, string> { ["scan.and-more"] = "... and {0} more" });

        Assert.Equal("... and 2 more", messages.Format("scan.and-more", 2));
        Assert.Equal(["scan.and-more"], messages.Fallbacks);
        Assert.Equal("no.such.key: 1", messages.Format("no.such.key", 1));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void Every_english_message_has_a_translation_with_the_same_placeholders(string lang)
    {
        var en = EnglishLeak.Read("en");
        var other = EnglishLeak.Read(lang);

        Assert.Empty(en.Keys.Except(other.Keys));
        Assert.Empty(other.Keys.Except(en.Keys));
        Assert.All(en, kv => Assert.True(
            Core.Content.MessageParityRule.Placeholders(kv.Value).SetEquals(Core.Content.MessageParityRule.Placeholders(other[kv.Key])), kv.Key));
    }
}
