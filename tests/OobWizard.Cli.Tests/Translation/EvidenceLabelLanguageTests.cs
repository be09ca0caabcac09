using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OobWizard.Cli.Tests.Support;
using OobWizard.Lab;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Evidence labels in the chosen language where a user reads them: `check -v` (every row) against real lab devices,
/// dnsmasq and the AD DC, and `report` of a saved session. Each "      • LABEL: VALUE" row's label is ours and may
/// not be English; its value is what the device, DNS server or DC sent (or our own English words, see README), allowed.
/// </summary>
public sealed class EvidenceLabelLanguageTests
{
    private const string Bullet = "      • ";

    private static int _next = Environment.ProcessId % 200 * 250;

    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([127, 217, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 1)]);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Translated labels that hold ": " themselves (de "TLS-Zertifikat: Antragsteller"): the value starts after them.</summary>
    private static readonly string[] ColonLabels = ["TLS-Zertifikat: ", "Identify: ", "Hash: ", "ハッシュ: "];

    /// <summary>The (label, value) of each evidence row of <paramref name="output"/>.</summary>
    private static List<(string Label, string Value)> Rows(string output)
    {
        var rows = new List<(string, string)>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith(Bullet, StringComparison.Ordinal)) continue;
            var row = line[Bullet.Length..];
            var skip = ColonLabels.FirstOrDefault(p => row.StartsWith(p, StringComparison.Ordinal))?.Length ?? 0;
            var colon = row.IndexOf(": ", skip, StringComparison.Ordinal);
            rows.Add(colon < 0 ? (row, "") : (row[..colon], row[(colon + 2)..]));
        }

        return rows;
    }

    private static void AssertLabelsSpeak(string lang, string output, string what, params string[] allowed)
    {
        var rows = Rows(output);
        Assert.True(rows.Count > 0, $"{what}: no evidence rows\n{output}");
        var labels = string.Join("\n", rows.Select(r => r.Label));
        EnglishLeak.AssertNone(lang, labels, what + " (labels)");
        EnglishLeak.AssertNoEnglishWords(lang, output, what, [.. rows.Select(r => r.Value).Where(v => v.Length > 0), .. allowed]);
    }

    public static TheoryData<string, string> ScenarioLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in new[] { "healthy", "cert-hash-missing", "tls-only", "cert-expired", "wireless-only", "other-management-solution" })
        {
            data.Add(s, "de");
            data.Add(s, "ja");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioLanguages))]
    public async Task Check_verbose_against_a_lab_scenario_says_every_evidence_label_in_the_language(string scenario, string lang)
    {
        await using var device = await LabDevice.StartAsync(LabScenarios.Find(scenario)!, NextAddress(), LabPorts.Ephemeral, LabCredentials.Random());
        var e = device.Endpoint;
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = e.Password;

        run.Run("", "--lang", lang, "check", "-v", "--target", e.Host, "--http-port", Text(e.HttpPort), "--tls-port", Text(e.TlsPort),
            "--redirection-port", Text(e.RedirectionPort ?? 1), "--rmcp-port", Text(e.RmcpPort ?? 1));

        Assert.True(run.Exit is 0 or 1, run.Out + run.Err);
        Assert.Contains(lang == "de" ? Bullet + "Verbindung: " : Bullet + "接続: ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Bullet + "connection: ", run.Out, StringComparison.Ordinal);
        // Fixed words our code writes as a value are said too (what the device sent is not).
        Assert.DoesNotContain(": enabled\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(": disabled\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        AssertLabelsSpeak(lang, run.Out + run.Err, $"check -v {scenario}", e.Host);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void Check_verbose_with_the_dns_test_server_and_the_dc_says_every_evidence_label_in_the_language(string lang)
    {
        using var run = new CliRun();

        run.Run("", "--lang", lang, "check", "-v", "--target", "pc01.fabrikam.test", "--dns", "127.0.0.3:5353", "--domain", "fabrikam.test",
            "--dc", Environment.GetEnvironmentVariable("OOBW_AD_DC") ?? "127.0.0.2", "--first-contact-timeout", "3", "--timeout", "6");

        if (!run.Out.Contains("dns.forward", StringComparison.Ordinal)) Assert.Fail("no dns.forward line:\n" + run.Out + run.Err);
        // The query rows are "SERVER TYPE NAME" (keyed, nothing to translate); the server list is ours.
        Assert.Contains(Bullet + (lang == "de" ? "DNS-Server: " : "DNS サーバー: "), run.Out, StringComparison.Ordinal);
        AssertLabelsSpeak(lang, run.Out + run.Err, "check -v --dns");
    }

    [Fact]
    public void A_report_in_german_says_the_evidence_labels_in_german_also_of_a_session_saved_before_labels_had_keys()
    {
        using var run = new CliRun();
        run.Run("redirection-fails\nboth-or-sol\n", "demo", "--plain", "--lang", "en", "--scenario", "redirection-disabled");
        Assert.True(run.Exit == 0, run.Err);
        var file = run.OnlySessionFile();
        var rows = run.LoadSession().Evidence.SelectMany(e => e.Rows).ToList();
        Assert.Contains(rows, r => r.Name == "IDE redirection");

        run.Run("", "report", file, "--lang", "de");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("|IDE-Umleitung|", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("|IDE redirection|", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("|connection|", run.Out, StringComparison.Ordinal);

        // A session saved before labels had keys (no NameKey, NameArgs) still loads; its fixed labels are still German.
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var e in json["evidence"]!.AsArray())
        {
            foreach (var r in e!["Rows"]!.AsArray())
            {
                r!.AsObject().Remove("NameKey");
                r.AsObject().Remove("NameArgs");
            }
        }

        var old = Path.Combine(run.SessionDir, "old.json");
        File.WriteAllText(old, json.ToJsonString());
        run.Run("", "report", old, "--lang", "de");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("|IDE-Umleitung|", run.Out, StringComparison.Ordinal);
    }
}
