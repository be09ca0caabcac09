using System.Net;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using OobWizard.Lab;
using OobWizard.Probes;
using OobWizard.Probes.ActiveDirectory;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Dns;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Every evidence row that a probe of <see cref="ProbeCatalog"/> gives, run for real (each lab scenario's device, the
/// dnsmasq and bind9 test servers, the Samba AD DC when it runs, and with nothing given), has a label key
/// (<see cref="Evidence.LabelKey"/>) that en, de and ja all hold with as many placeholders as the row gives arguments,
/// whose English text with those arguments is the row's English name: a new row, or a label built from parts without
/// a key of its own, fails here.
/// </summary>
public sealed class EvidenceLabelKeyTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Languages = new(() =>
        new[] { "en", "de", "ja" }.ToDictionary(l => l, EnglishLeak.Read));

    private static readonly Lazy<Messages> English = new(() => Messages.Load(new FolderContentSource(Repo.Content), "en"));

    /// <summary>Fails naming the probe, the row and what is wrong with its label key.</summary>
    internal static void AssertLabelsKeyed(ProbeResult r, string where)
    {
        foreach (var e in r.Evidence)
        {
            var row = $"{where}: {r.ProbeId} row \"{e.Name}: {e.Value}\"";
            foreach (var (key, count) in KeyedText.Keys(e.LabelKey, e.NameArgs))
            {
                foreach (var (lang, map) in Languages.Value)
                {
                    Assert.True(map.TryGetValue(key, out var text), $"{row} uses {key}, which {lang}/messages.yaml lacks");
                    var placeholders = MessageParityRule.Placeholders(text!).Count;
                    Assert.True(placeholders == count, $"{row} gives {count} argument(s) to {key}, but {lang}/messages.yaml has {placeholders} placeholder(s): \"{text}\"");
                }
            }

            // A value our code wrote: its key, when English has one, says exactly that value (a list or a number has none).
            if (e.ValueKey is { } valueKey && English.Value.Has(valueKey))
            {
                Assert.True(English.Value.Format(valueKey) == e.Value, $"{row}: {valueKey} says \"{English.Value.Format(valueKey)}\" in English, not the row's value");
            }

            // The key's English text is the label the probe wrote (English stays the record: --json, sessions).
            Assert.True(EvidenceLabel.Format(English.Value.Format, English.Value.Has, e.Name, e.NameKey, e.NameArgs) == e.Name,
                $"{row}: {e.LabelKey} says \"{EvidenceLabel.Format(English.Value.Format, English.Value.Has, e.Name, e.NameKey, e.NameArgs)}\" in English, not the row's name");
        }

        foreach (var lang in new[] { "de", "ja" })
        {
            var messages = Messages.Load(new FolderContentSource(Repo.Content), lang);
            foreach (var e in r.Evidence)
            {
                var said = ProbeText.EvidenceName(e, messages) + ProbeText.EvidenceValue(e, messages);
                Assert.DoesNotContain(KeyedText.Marker, said);
                Assert.False(said.Length == 0, $"{where}: {r.ProbeId} row \"{e.Name}\" says nothing in {lang}");
            }

            Assert.True(messages.Fallbacks.Count == 0, $"{where}: {r.ProbeId}'s rows in {lang} fell back to English for {string.Join(", ", messages.Fallbacks)}");
        }
    }

    public static TheoryData<string> Scenarios() => ProbeSweep.Scenarios();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_evidence_row_against_a_lab_scenario_has_a_label_key_all_languages_hold(string scenario)
    {
        var results = await ProbeSweep.LabScenarioAsync(scenario, 216);

        Assert.Contains(results, r => r.ProbeId == "amt.identify" && r.Evidence.Count > 0);
        Assert.All(results, r => AssertLabelsKeyed(r, scenario));
    }

    [Fact]
    public async Task Every_evidence_row_with_nothing_given_has_a_label_key_all_languages_hold()
    {
        var results = await ProbeSweep.RunAllAsync(new ProbeContext { Timeout = TimeSpan.FromSeconds(5) });

        Assert.All(results, r => AssertLabelsKeyed(r, "nothing given"));
    }

    [Theory]
    [InlineData("127.0.0.3:5353", "pc01.fabrikam.test")]
    [InlineData("127.0.0.3:5353", "rr.fabrikam.test")]
    [InlineData("127.0.0.3:5353", "nohost.fabrikam.test")]
    [InlineData("127.0.0.4:5354", "pc01.fabrikam.test")]
    [InlineData("127.0.0.3:5353", "127.0.0.10")]
    public async Task Every_evidence_row_against_the_dns_test_servers_and_the_dc_has_a_label_key_all_languages_hold(string server, string target)
    {
        var results = await ProbeSweep.RunAllAsync(ProbeSweep.DnsAndDc(server, target));

        Assert.Contains(results, r => r.ProbeId.StartsWith("dns.", StringComparison.Ordinal) && r.Evidence.Count > 0);
        Assert.All(results, r => AssertLabelsKeyed(r, $"{target} at {server}"));
    }

    [Fact]
    public void A_label_without_a_key_fails_the_guard()
    {
        var unkeyed = ProbeResult.Pass("test.rows", "rows", [new Evidence("a label nobody wrote a key for", "x")]);
        var built = ProbeResult.Pass("test.rows", "rows", [new Evidence("PTR 192.0.2.1", "x")]);
        var keyed = ProbeResult.Pass("test.rows", "rows", [new Evidence("PTR 192.0.2.1", "x").Keyed("evidence.label.ptr", "192.0.2.1")]);
        var wrongArgs = ProbeResult.Pass("test.rows", "rows", [new Evidence("PTR 192.0.2.1", "x").Keyed("evidence.label.ptr")]);

        Assert.ThrowsAny<Exception>(() => AssertLabelsKeyed(unkeyed, "self-test"));
        Assert.ThrowsAny<Exception>(() => AssertLabelsKeyed(built, "self-test"));
        Assert.ThrowsAny<Exception>(() => AssertLabelsKeyed(wrongArgs, "self-test"));
        AssertLabelsKeyed(keyed, "self-test");
        AssertLabelsKeyed(ProbeResult.Pass("test.rows", "rows", [new Evidence("TLS problems", "none")]), "self-test");
    }
}
