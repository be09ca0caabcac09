using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OobWizard.Cli.Tests.Support;
using OobWizard.Lab;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Probe summaries in the chosen language wherever a user reads them: `check` against real lab devices and the real
/// dnsmasq, the plain wizard's probe pages, and `report` of a saved session (whose summary keys are kept), with no
/// English beyond what a device, a DNS server or the OS said (the evidence rows, passed as allowed).
/// </summary>
public sealed class ProbeSummaryLanguageTests
{
    private static int _next = Environment.ProcessId % 200 * 250;

    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([127, 215, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 1)]);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Evidence rows ("      • name: value") hold what the device or server sent: they may stay English.</summary>
    private static string[] Evidence(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith("      • ", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r'))];

    /// <summary>The output without its evidence rows (what the device or server said may match an English sentence of ours).</summary>
    private static string WithoutEvidence(string output) =>
        string.Join("\n", output.Split('\n').Where(l => !l.StartsWith("      • ", StringComparison.Ordinal)));

    public static TheoryData<string, string> ScenarioLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in new[] { "healthy", "cert-hash-missing", "tls-only", "power-state-only", "unsupported-firmware", "cert-expired", "renamed", "wireless-only", "other-management-solution" })
        {
            data.Add(s, "de");
            data.Add(s, "ja");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioLanguages))]
    public async Task Check_against_a_lab_scenario_says_every_summary_in_the_language(string scenario, string lang)
    {
        await using var device = await LabDevice.StartAsync(LabScenarios.Find(scenario)!, NextAddress(), LabPorts.Ephemeral, LabCredentials.Random());
        var e = device.Endpoint;
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = e.Password;

        run.Run("", "--lang", lang, "check", "--target", e.Host, "--http-port", Text(e.HttpPort), "--tls-port", Text(e.TlsPort),
            "--redirection-port", Text(e.RedirectionPort ?? 1), "--rmcp-port", Text(e.RmcpPort ?? 1));

        Assert.True(run.Exit is 0 or 1, run.Out + run.Err);
        Assert.Contains(lang == "de" ? "AMT-Prüfung von " : "の AMT チェック", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Intel AMT " : "が応答しています", run.Out, StringComparison.Ordinal);
        EnglishLeak.AssertNone(lang, WithoutEvidence(run.Out) + run.Err, $"check {scenario}");
        EnglishLeak.AssertNoEnglishWords(lang, run.Out + run.Err, $"check {scenario}", [.. Evidence(run.Out), e.Host]);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void Check_of_a_device_nothing_answers_for_says_why_in_the_language(string lang)
    {
        using var run = new CliRun();

        // Ports 1 and 2 on the loopback refuse: the first contact fails, every AMT probe says so in one line.
        run.Run("", "--lang", lang, "check", "--target", "127.0.0.1", "--http-port", "1", "--tls-port", "2", "--redirection-port", "3", "--rmcp-port", "4", "--first-contact-timeout", "3");

        Assert.Contains(lang == "de" ? "keine Verbindung: TCP 1 und 2" : "接続できません: TCP 1 と 2", run.Out, StringComparison.Ordinal);
        EnglishLeak.AssertNone(lang, WithoutEvidence(run.Out) + run.Err, "check refused");
        EnglishLeak.AssertNoEnglishWords(lang, run.Out + run.Err, "check refused", Evidence(run.Out));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void Check_with_the_dnsmasq_test_server_says_the_dns_summaries_in_the_language(string lang)
    {
        using var run = new CliRun();

        run.Run("", "--lang", lang, "check", "--target", "rr.fabrikam.test", "--dns", "127.0.0.3:5353", "--domain", "fabrikam.test",
            "--first-contact-timeout", "3", "--timeout", "6");

        if (!run.Out.Contains("dns.forward", StringComparison.Ordinal)) Assert.Fail("no dns.forward line:\n" + run.Out + run.Err);
        if (run.Out.Contains("127.0.0.11", StringComparison.Ordinal))
        {
            // dnsmasq answered: rr.fabrikam.test has two A records (round robin).
            Assert.Contains(lang == "de" ? "Round Robin" : "ラウンド ロビン", run.Out, StringComparison.Ordinal);
        }

        EnglishLeak.AssertNone(lang, WithoutEvidence(run.Out) + run.Err, "check --dns");
        EnglishLeak.AssertNoEnglishWords(lang, run.Out + run.Err, "check --dns", Evidence(run.Out));
    }

    [Fact]
    public void The_plain_wizard_shows_a_probe_page_in_japanese()
    {
        using var run = new CliRun();

        run.Run("redirection-fails\nboth-or-sol\n", "demo", "--plain", "--lang", "ja", "--scenario", "redirection-disabled");

        Assert.True(run.Exit == 0, run.Err);
        var summaries = run.Out.Split('\n').Where(l => l.Contains("amt.redirection:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(summaries);
        Assert.Contains(summaries, l => l.Contains("無効: ", StringComparison.Ordinal) && l.Contains("IDE リダイレクト", StringComparison.Ordinal));
        EnglishLeak.AssertNone("ja", string.Join("\n", summaries), "wizard probe page");
        EnglishLeak.AssertNoEnglishWords("ja", string.Join("\n", summaries), "wizard probe page");
        // The session keeps the key and its arguments, never the password.
        var evidence = run.LoadSession().Evidence.Single(e => e.Probe == "amt.redirection");
        Assert.Equal("probe.amt.redirection.disabled", evidence.SummaryKey);
        Assert.DoesNotContain("Lab-", File.ReadAllText(run.OnlySessionFile()));
    }

    [Fact]
    public void A_report_in_german_says_the_summaries_of_an_english_session_in_german_and_an_old_session_in_english()
    {
        using var run = new CliRun();
        run.Run("redirection-fails\nboth-or-sol\n", "demo", "--plain", "--lang", "en", "--scenario", "redirection-disabled");
        var file = run.OnlySessionFile();
        var english = run.LoadSession().Evidence.Single(e => e.Probe == "amt.redirection").Summary;

        run.Run("", "report", file, "--lang", "de");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("ausgeschaltet: Serial over LAN, IDE-Umleitung", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(english, run.Out, StringComparison.Ordinal);

        // A session saved before keys were kept still loads and shows its English summary.
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var e in json["evidence"]!.AsArray())
        {
            e!.AsObject().Remove("SummaryKey");
            e.AsObject().Remove("SummaryArgs");
        }

        var old = Path.Combine(run.SessionDir, "old.json");
        File.WriteAllText(old, json.ToJsonString());
        run.Run("", "report", old, "--lang", "de");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains(english, run.Out, StringComparison.Ordinal);
    }
}
