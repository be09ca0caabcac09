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
/// Every probe of <see cref="ProbeCatalog"/>, run for real (each lab scenario's device, the dnsmasq and bind9 test
/// servers, the Samba AD DC when it runs, and with nothing given), returns a summary with a message key that en, de and
/// ja all hold with as many placeholders as the probe gives arguments (nested messages too): a new probe or a new
/// outcome without a key fails here.
/// </summary>
public sealed class ProbeSummaryKeyTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Languages = new(() =>
        new[] { "en", "de", "ja" }.ToDictionary(l => l, EnglishLeak.Read));

    /// <summary>Fails naming the probe, the key and what is wrong with it.</summary>
    internal static void AssertKeyed(ProbeResult r, string where)
    {
        Assert.True(r.SummaryKey is not null, $"{where}: {r.ProbeId} ({r.Outcome}, {r.Verdict}) has no message key: \"{r.Summary}\"");
        foreach (var (key, count) in KeyedText.Keys(r.SummaryKey!, r.SummaryArgs))
        {
            foreach (var (lang, map) in Languages.Value)
            {
                Assert.True(map.TryGetValue(key, out var text), $"{where}: {r.ProbeId} uses {key}, which {lang}/messages.yaml lacks (\"{r.Summary}\")");
                var placeholders = MessageParityRule.Placeholders(text!).Count;
                Assert.True(placeholders == count, $"{where}: {r.ProbeId} gives {count} argument(s) to {key}, but {lang}/messages.yaml has {placeholders} placeholder(s): \"{text}\"");
            }
        }

        foreach (var lang in new[] { "de", "ja" })
        {
            var messages = Messages.Load(new FolderContentSource(Repo.Content), lang);
            var said = ProbeText.Summary(r, messages);
            Assert.True(messages.Fallbacks.Count == 0, $"{where}: {r.ProbeId} in {lang} fell back to English for {string.Join(", ", messages.Fallbacks)}");
            Assert.DoesNotContain(KeyedText.Marker, said);
        }
    }

    public static TheoryData<string> Scenarios() => ProbeSweep.Scenarios();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_probe_against_a_lab_scenario_gives_a_key_all_languages_hold(string scenario)
    {
        var results = await ProbeSweep.LabScenarioAsync(scenario, 214);

        Assert.Contains(results, r => r.ProbeId == "amt.identify");
        Assert.All(results, r => AssertKeyed(r, scenario));
    }

    [Fact]
    public async Task Every_probe_with_nothing_given_gives_a_key_all_languages_hold()
    {
        var results = await ProbeSweep.RunAllAsync(new ProbeContext { Timeout = TimeSpan.FromSeconds(5) });

        Assert.All(results, r => AssertKeyed(r, "nothing given"));
    }

    [Theory]
    [InlineData("127.0.0.3:5353", "pc01.fabrikam.test")]
    [InlineData("127.0.0.3:5353", "rr.fabrikam.test")]
    [InlineData("127.0.0.3:5353", "nohost.fabrikam.test")]
    [InlineData("127.0.0.4:5354", "pc01.fabrikam.test")]
    [InlineData("127.0.0.3:5353", "127.0.0.10")]
    public async Task Every_probe_against_the_dns_test_servers_and_the_dc_gives_a_key_all_languages_hold(string server, string target)
    {
        var results = await ProbeSweep.RunAllAsync(ProbeSweep.DnsAndDc(server, target));

        Assert.Contains(results, r => r.ProbeId.StartsWith("dns.", StringComparison.Ordinal));
        Assert.All(results, r => AssertKeyed(r, $"{target} at {server}"));
    }

    [Fact]
    public async Task The_runner_own_verdicts_carry_keys()
    {
        var runner = new ProbeRunner([new Broken("test.throws", hang: false), new Broken("test.hangs", hang: true)]);
        var context = new ProbeContext { Timeout = TimeSpan.FromMilliseconds(300) };

        var missing = await runner.RunAsync("no.such-probe", context);
        var thrown = await runner.RunAsync("test.throws", context);
        var hung = await runner.RunAsync("test.hangs", context);

        Assert.Equal(("probe.runner.unavailable", "probe.failed", "probe.timeout"), (missing.SummaryKey, thrown.SummaryKey, hung.SummaryKey));
        foreach (var r in new[] { missing, thrown, hung }) AssertKeyed(r, "runner");
    }

    private sealed class Broken(string id, bool hang) : IProbe
    {
        public string Id => id;

        public string Description => "a probe that fails";

        public IReadOnlyList<string> Verdicts => ["pass"];

        public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            if (hang) await Task.Delay(Timeout.Infinite, CancellationToken.None);
            throw new InvalidOperationException("broken on purpose");
        }
    }
}
