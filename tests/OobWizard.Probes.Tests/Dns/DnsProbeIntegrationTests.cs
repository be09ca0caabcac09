using OobWizard.Probes.Dns;
using Xunit;
using Xunit.Abstractions;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// Each dns.* probe against the real servers, one zone case per test (tests/servers: dnsmasq.conf.in,
/// bind/db.fabrikam.test, bind/db.127.0.0). The system resolver is a table, so no test name ever
/// reaches the machine's resolver.
/// </summary>
public sealed class DnsProbeIntegrationTests
{
    private readonly ITestOutputHelper _output;

    public DnsProbeIntegrationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static DnsProbeOptions Options(FakeSystemResolver? system = null) => new()
    {
        Client = new DnsClientAdapter(TimeSpan.FromSeconds(2)),
        SystemResolver = system ?? new FakeSystemResolver(),
        SystemServers = () => throw new InvalidOperationException("tests always name their servers"),
    };

    private async Task<ProbeResult> RunAsync(string probeId, string[] servers, string? target, string? domain = null, string? servicePoint = null, FakeSystemResolver? system = null)
    {
        var probe = DnsProbes.All(Options(system)).Single(p => p.Id == probeId);
        var context = new ProbeContext { DnsServers = servers, Target = target, Domain = domain, ServicePoint = servicePoint };
        var result = await new ProbeRunner([probe]).RunAsync(probeId, context);
        _output.WriteLine($"{result.ProbeId}: {result.Outcome} {result.Verdict}: {result.Summary}");
        foreach (var e in result.Evidence)
        {
            _output.WriteLine($"  {e.Name} | {e.Value}");
        }

        Assert.True(probe.Verdicts.Contains(result.Verdict) || result.Verdict is "inconclusive" or "error");
        return result;
    }

    private static async Task<string[]> Server(string which) => [await DnsTestServers.RequireAsync(which)];

    private static async Task<string[]> BothServers() =>
        [await DnsTestServers.RequireAsync(DnsTestServers.Dnsmasq), await DnsTestServers.RequireAsync(DnsTestServers.Bind)];

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq, "pc01.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Bind, "pc01.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Dnsmasq, "pc99.fabrikam.test", "no-record")]
    [InlineData(DnsTestServers.Bind, "pc99.fabrikam.test", "no-record")]
    [InlineData(DnsTestServers.Dnsmasq, "rr.fabrikam.test", "multiple")]
    [InlineData(DnsTestServers.Bind, "rr.fabrikam.test", "multiple")]
    [InlineData(DnsTestServers.Bind, "ds.fabrikam.test", "pass")]
    public async Task Forward(string which, string target, string verdict)
    {
        var r = await RunAsync("dns.forward", await Server(which), target);

        Assert.Equal(verdict, r.Verdict);
        Assert.Equal(verdict == "pass" ? ProbeOutcome.Pass : ProbeOutcome.Finding, r.Outcome);
        if (verdict == "no-record")
        {
            Assert.Contains("console.no-host-record", r.SuggestedDiagnoses);
        }

        if (verdict == "multiple")
        {
            Assert.Contains("console.wireless-name-resolution", r.SuggestedDiagnoses);
            Assert.Contains("127.0.0.11", r.Summary, StringComparison.Ordinal);
            Assert.Contains("127.0.0.12", r.Summary, StringComparison.Ordinal);
        }

        Assert.Contains(r.Evidence, e => e.Value.Contains(" ms", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq)]
    [InlineData(DnsTestServers.Bind)]
    public async Task Forward_RefusedOutOfZone_IsInconclusiveNotNoRecord(string which)
    {
        // Neither server serves example.org and neither forwards: REFUSED says nothing about the name.
        var r = await RunAsync("dns.forward", await Server(which), "pc01.example.org");

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains(r.Evidence, e => e.Value.StartsWith("REFUSED", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Forward_FollowsTheCnameChain()
    {
        var r = await RunAsync("dns.forward", await Server(DnsTestServers.Bind), "provisionserver.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
        Assert.Equal("provisionserver.fabrikam.test resolves to 127.0.0.30", r.Summary);
    }

    [SkippableFact]
    public async Task Forward_ServersDisagreeingWithOneAddressEach_IsNotRoundRobin()
    {
        var r = await RunAsync("dns.forward", await BothServers(), "stale.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
        Assert.Contains("see dns.consistency", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Forward_EvidenceShowsTtlAaRcodeServerAndTime()
    {
        var servers = await Server(DnsTestServers.Bind);
        var r = await RunAsync("dns.forward", servers, "pc01.fabrikam.test");

        var row = Assert.Single(r.Evidence, e => e.Name == $"{servers[0]} A pc01.fabrikam.test");
        Assert.Matches(@"^NOERROR aa, udp, \d+\.\d ms: A 127\.0\.0\.10 \(TTL 300\)$", row.Value);
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq, "pc01.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Bind, "pc01.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Dnsmasq, "rr.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Dnsmasq, "pc03.fabrikam.test", "mismatch")]
    [InlineData(DnsTestServers.Bind, "pc03.fabrikam.test", "mismatch")]
    [InlineData(DnsTestServers.Dnsmasq, "pc04.fabrikam.test", "missing")]
    [InlineData(DnsTestServers.Bind, "pc04.fabrikam.test", "missing")]
    [InlineData(DnsTestServers.Bind, "pc99.fabrikam.test", "inconclusive")]
    public async Task Reverse(string which, string target, string verdict)
    {
        var r = await RunAsync("dns.reverse", await Server(which), target);

        Assert.Equal(verdict, r.Verdict);
    }

    [SkippableFact]
    public async Task Consistency_StaleRecordOnTheNonAuthoritativeServer()
    {
        var r = await RunAsync("dns.consistency", await BothServers(), "stale.fabrikam.test");

        Assert.Equal("stale", r.Verdict);
        Assert.Contains("console.wireless-name-resolution", r.SuggestedDiagnoses);
        Assert.Contains("127.0.0.40", r.Summary, StringComparison.Ordinal);
        Assert.Contains("authoritative server 127.0.0.4", r.Summary, StringComparison.Ordinal);
        Assert.Contains("127.0.0.41", r.Summary, StringComparison.Ordinal);
        Assert.Contains(r.Evidence, e => e.Name == "authoritative" && e.Value.Contains("zone fabrikam.test", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("pc01.fabrikam.test", "127.0.0.10")]
    [InlineData("rr.fabrikam.test", "127.0.0.12", "127.0.0.11")]
    public async Task Consistency_SameAnswerEverywhere(string target, params string[] system)
    {
        var r = await RunAsync("dns.consistency", await BothServers(), target, system: new FakeSystemResolver().Add(target, system));

        Assert.Equal("pass", r.Verdict);
        Assert.Contains("authoritative one included", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Consistency_ClientCacheDiffersFromTheServers()
    {
        var system = new FakeSystemResolver().Add("pc01.fabrikam.test", "127.0.0.99");

        var r = await RunAsync("dns.consistency", await BothServers(), "pc01.fabrikam.test", system: system);

        Assert.Equal("stale", r.Verdict);
        Assert.Contains("system resolver answers 127.0.0.99", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Consistency_ASilentServerCostsItsTimeoutOnce()
    {
        using var silent = new FakeDnsServer((_, _) => []);
        var servers = new[] { await DnsTestServers.RequireAsync(DnsTestServers.Bind), silent.Endpoint };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var r = await RunAsync("dns.consistency", servers, "pc01.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
        Assert.Equal(2, silent.UdpQueries); // the A query and its one retry; SOA and NS go to bind only
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.Contains(r.Evidence, e => e.Name.StartsWith(silent.Endpoint, StringComparison.Ordinal) && e.Value.StartsWith("no answer", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq, "pc01.fabrikam.test", "sccm01.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Bind, "pc01.fabrikam.test", "sccm01.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Bind, "pc01.fabrikam.test", "127.0.0.30", "pass")]
    [InlineData(DnsTestServers.Bind, "pc01.fabrikam.test", null, "pass")]
    [InlineData(DnsTestServers.Dnsmasq, "pc01.fabrikam.test", "pc01.fabrikam.test", "wrong-target")]
    [InlineData(DnsTestServers.Bind, "pc01.fabrikam.test", "dc01.fabrikam.test", "wrong-target")]
    [InlineData(DnsTestServers.Dnsmasq, "pc02.emea.fabrikam.test", "sccm01.fabrikam.test", "missing")]
    [InlineData(DnsTestServers.Bind, "pc02.emea.fabrikam.test", null, "missing")]
    public async Task ProvisionAlias(string which, string target, string? servicePoint, string verdict)
    {
        var r = await RunAsync("dns.provision-alias", await Server(which), target, servicePoint: servicePoint);

        Assert.Equal(verdict, r.Verdict);
        if (verdict != "pass")
        {
            Assert.Equal(["prov.provisionserver-alias-missing"], r.SuggestedDiagnoses);
        }
    }

    [SkippableFact]
    public async Task ProvisionAlias_FromTheDomainAlone()
    {
        var r = await RunAsync("dns.provision-alias", await Server(DnsTestServers.Bind), null, domain: "emea.fabrikam.test");

        Assert.Equal("missing", r.Verdict);
        Assert.Contains("ProvisionServer.emea.fabrikam.test", r.Summary, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Bind, "amt-wireless-notebook-0042.engineering.fabrikam.test", null, "too-long")]
    [InlineData(DnsTestServers.Dnsmasq, "pc05.corp.fabrikam.test", "na.corp.fabrikam.test", "disjoint")]
    [InlineData(DnsTestServers.Bind, "pc05.corp.fabrikam.test", "na.corp.fabrikam.test", "disjoint")]
    [InlineData(DnsTestServers.Bind, "pc01.fabrikam.test", "fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Dnsmasq, "pc01.fabrikam.test", null, "pass")]
    [InlineData(DnsTestServers.Bind, "pc_01.fabrikam.test", null, "invalid")]
    public async Task Fqdn(string which, string target, string? domain, string verdict)
    {
        var r = await RunAsync("dns.fqdn", await Server(which), target, domain: domain);

        Assert.Equal(verdict, r.Verdict);
        var expected = verdict switch
        {
            "too-long" => "prov.wireless",
            "disjoint" => "prov.disjoint-namespace",
            _ => null,
        };
        if (expected is not null)
        {
            Assert.Contains(expected, r.SuggestedDiagnoses);
        }
    }

    [SkippableFact]
    public async Task Fqdn_WithoutDomain_SaysWhetherTheSuffixHasDomainControllers()
    {
        var r = await RunAsync("dns.fqdn", await Server(DnsTestServers.Bind), "pc05.corp.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
        Assert.Contains(r.Evidence, e => e.Name == "suffix is an AD domain" && e.Value.StartsWith("not seen", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq, "fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Bind, "fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Bind, "na.corp.fabrikam.test", "pass")]
    [InlineData(DnsTestServers.Dnsmasq, "emea.fabrikam.test", "missing")]
    [InlineData(DnsTestServers.Bind, "emea.fabrikam.test", "missing")]
    public async Task SrvDc(string which, string domain, string verdict)
    {
        var r = await RunAsync("dns.srv-dc", await Server(which), null, domain: domain);

        Assert.Equal(verdict, r.Verdict);
        if (verdict == "pass")
        {
            Assert.Contains(":389", r.Summary, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task SrvDc_FromTheTargetsSuffix()
    {
        var r = await RunAsync("dns.srv-dc", await Server(DnsTestServers.Dnsmasq), "pc01.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
        Assert.Contains("dc01.fabrikam.test:389 (127.0.0.20)", r.Summary, StringComparison.Ordinal);
    }
}
