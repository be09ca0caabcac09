using System.Globalization;
using OobWizard.Cli.Commands;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using OobWizard.Lab;
using static OobWizard.Cli.Tests.Translation.LanguageRun;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>`lab list`, `lab serve` and `lab serve --fleet` in de and ja (by --lang and by LANG), against real lab devices; and in English as before.</summary>
public sealed class LabLanguageTests : IDisposable
{
    private static int _next = Environment.ProcessId % 200 * 250;
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-lab-lang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return string.Create(CultureInfo.InvariantCulture, $"127.214.{n / 250 % 250 + 1}.{n % 250 + 1}");
    }

    [Theory]
    [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
    public async Task Lab_list_names_every_scenario_in_the_language(string lang, bool byOption)
    {
        var (env, choose) = Choose(lang, byOption);

        var run = await RunAsync(env, [.. choose, "lab", "list"]);

        Assert.True(run.Exit == 0, run.All);
        Assert.Contains(lang == "de" ? "Bereitgestellter Desktop mit AMT 5.0 am Kabelnetz; alle Prüfungen bestehen." : "有線で接続された、プロビジョニング済みの AMT 5.0 デスクトップ。", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "nur den Energiestatus lesen" : "電源状態しか読み取れず", run.Out, StringComparison.Ordinal);
        Assert.All(LabScenarios.All, s => Assert.Contains(s.Name, run.Out, StringComparison.Ordinal));
        Assert.All(LabScenarios.All, s => Assert.DoesNotContain(s.Summary, run.Out, StringComparison.Ordinal));
        AssertSpeaks(lang, run.All, "lab list");
    }

    [Theory]
    [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
    public async Task Lab_serve_one_device_speaks_the_language_until_ctrl_c(string lang, bool byOption)
    {
        var (env, choose) = Choose(lang, byOption);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a bound for a broken run, never reached
        using var output = new CancelOn("oobwizard check --target", stop); // the last lines follow before serve waits for Ctrl+C
        var address = NextAddress();

        var run = await RunAsync(env, [.. choose, "lab", "serve", "--scenario", "redirection-disabled", "--address", address, "--port", "17992"], ct: stop.Token, output: output);

        Assert.True(run.Exit == 0, run.All);
        Assert.Contains($"redirection-disabled       {address}", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Umleitung geschlossen" : "リダイレクト 無効", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Benutzer: admin   Kennwort: Lab-" : "ユーザー: admin   パスワード: Lab-", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Beenden mit Strg+C." : "停止するには Ctrl+C を押してください。", run.Out, StringComparison.Ordinal);
        // The lab's own password, printed the line above, is in the suggested command: it can be copied as it stands.
        var password = System.Text.RegularExpressions.Regex.Match(run.Out, @"(Lab-[0-9A-F]+)").Groups[1].Value;
        Assert.Contains($"  OOBW_AMT_PASSWORD={password} oobwizard check --target {address} --http-port 17992", run.Out, StringComparison.Ordinal);
        AssertSpeaks(lang, run.All, "lab serve");
    }

    [Theory]
    [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
    public async Task Lab_serve_fleet_with_a_mix_and_a_target_list_speaks_the_language(string lang, bool byOption)
    {
        var (env, choose) = Choose(lang, byOption);
        env["OOBW_AMT_PASSWORD"] = "Lab-Password-1";
        var targets = Path.Combine(_dir, "fleet-" + lang + byOption + ".csv");
        var rootCa = Path.Combine(_dir, "root-" + lang + byOption + ".pem");
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync(); // serve starts, writes, and stops at once, as after Ctrl+C

        var run = await RunAsync(env, [.. choose, "lab", "serve", "--fleet", "4", "--mix", "healthy=2,redirection-disabled=1,silent=1", "--write-targets", targets, "--write-root-ca", rootCa], ct: stopped.Token);

        Assert.True(run.Exit == 0, run.All);
        Assert.True(File.Exists(targets) && File.Exists(rootCa), run.All);
        Assert.Contains(lang == "de" ? "Lab-Flotte: 4 Adressen, 127.100.0.1 bis 127.100.0.4" : "ラボのデバイス群: 4 アドレス、127.100.0.1 から 127.100.0.4 まで", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "(stumm: jeder Verbindungsversuch läuft ab)" : "(応答なし: どの接続もタイムアウトします)", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Kennwort: (aus OOBW_AMT_PASSWORD)" : "パスワード: (OOBW_AMT_PASSWORD の値)", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Zielliste gespeichert in " + targets : "対象リストを " + targets + " に書き出しました", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "WS-Man-Anfragen beantwortet" : "WS-Man 要求 0 件に応答しました", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Lab-Password-1", run.All, StringComparison.Ordinal);
        AssertSpeaks(lang, run.All, "lab serve --fleet", targets, rootCa);
    }

    [Fact]
    public async Task Lab_in_english_says_what_it_said_before()
    {
        var env = new Dictionary<string, string?> { ["LANG"] = "en_US.UTF-8", ["OOBW_AMT_PASSWORD"] = "Lab-Password-1" };
        var list = await RunAsync(env, ["lab", "list"]);
        var targets = Path.Combine(_dir, "fleet-en.csv");
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        var fleet = await RunAsync(env, ["lab", "serve", "--fleet", "3", "--mix", "healthy=2,silent=1", "--write-targets", targets], ct: stopped.Token);

        Assert.Contains("healthy                    none                            A provisioned AMT 5.0 desktop on a wired link; every probe passes.", list.Out, StringComparison.Ordinal);
        Assert.True(fleet.Exit == 0, fleet.All);
        Assert.Contains("Lab fleet: 3 addresses, 127.100.0.1 to 127.100.0.3 (shared loopback listeners)", fleet.Out, StringComparison.Ordinal);
        Assert.Contains("(nothing answers: every connect times out)", fleet.Out, StringComparison.Ordinal);
        Assert.Contains("User: admin   Password: (from OOBW_AMT_PASSWORD)", fleet.Out, StringComparison.Ordinal);
        Assert.Contains("Target list written to " + targets, fleet.Out, StringComparison.Ordinal);
        Assert.Contains("Try:\n  OOBW_AMT_PASSWORD=... oobwizard scan --targets " + targets + " --http-port ", fleet.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Press Ctrl+C to stop.", fleet.Out, StringComparison.Ordinal);
        Assert.Contains("Served 0 WS-Man requests; refused Digest answers: 0", fleet.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public async Task Every_scenario_has_its_summary_in_each_language_and_the_english_one_is_the_labs(string lang)
    {
        var messages = Messages.Load(new FolderContentSource(Repo.Content), lang);

        // In a flow of its own, as a run is: the messages chosen here do not outlive it.
        var summaries = await Task.Run(() =>
        {
            Messages.Use(messages);
            return LabScenarios.All.Select(LabText.Summary).ToList();
        });

        Assert.Empty(messages.Fallbacks);
        Assert.Equal(LabScenarios.All.Count, summaries.Distinct().Count());
        if (lang == "en")
        {
            // The Lab's English stays the source: messages.yaml holds the same sentence, so the two cannot drift apart.
            Assert.Equal(LabScenarios.All.Select(s => s.Summary), summaries);
        }
        else
        {
            Assert.All(LabScenarios.All, s => Assert.DoesNotContain(s.Summary, summaries));
        }
    }

    [Fact]
    public async Task A_scenario_without_a_message_shows_the_labs_own_summary_and_no_key()
    {
        var scenario = LabScenarios.All[1];

        var summary = await Task.Run(() =>
        {
            Messages.Use(new Messages("de", new Dictionary<string, string>(), new Dictionary<string, string>()));
            return LabText.Summary(scenario);
        });

        Assert.Equal(scenario.Summary, summary);
    }
}
