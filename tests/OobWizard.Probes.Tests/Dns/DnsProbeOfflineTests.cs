using OobWizard.Probes.Dns;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>Probe behaviour that needs no server: missing inputs, bad options, and a server that is not there.</summary>
public sealed class DnsProbeOfflineTests
{
    private static readonly DnsProbeOptions Options = new()
    {
        Client = new DnsClientAdapter(TimeSpan.FromMilliseconds(200), udpAttempts: 1),
        SystemResolver = new FakeSystemResolver(),
        SystemServers = () => [],
    };

    private static Task<ProbeResult> Run(string id, ProbeContext context) =>
        new ProbeRunner(DnsProbes.All(Options)).RunAsync(id, context);

    [Fact]
    public void All_HasTheIdsAndVerdictsTheContentNames()
    {
        var probes = DnsProbes.All(Options).ToDictionary(p => p.Id, p => string.Join(",", p.Verdicts));

        Assert.Equal(new Dictionary<string, string>
        {
            ["dns.forward"] = "pass,no-record,multiple",
            ["dns.reverse"] = "pass,mismatch,missing",
            ["dns.consistency"] = "pass,stale",
            ["dns.provision-alias"] = "pass,missing,wrong-target",
            ["dns.fqdn"] = "pass,too-long,disjoint,invalid",
            ["dns.srv-dc"] = "pass,missing",
        }, probes);
    }

    [Theory]
    [InlineData("dns.forward")]
    [InlineData("dns.reverse")]
    [InlineData("dns.consistency")]
    [InlineData("dns.fqdn")]
    public async Task NoTarget_IsInconclusive(string id)
    {
        var r = await Run(id, new ProbeContext { DnsServers = ["127.0.0.1:9"] });

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains("--target", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddressTarget_IsInconclusiveForForward()
    {
        var r = await Run("dns.forward", new ProbeContext { DnsServers = ["127.0.0.1:9"], Target = "192.0.2.10" });

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains("is an address", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoServersAnywhere_IsInconclusiveWithHowToNameOne()
    {
        var r = await Run("dns.forward", new ProbeContext { Target = "pc01.fabrikam.test" });

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains("--dns", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDnsOption_IsReportedInEvidence()
    {
        var r = await Run("dns.forward", new ProbeContext { Target = "pc01.fabrikam.test", DnsServers = ["127.0.0.1:notaport"] });

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains(r.Evidence, e => e.Name == "--dns" && e.Value.Contains("notaport", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerThatDoesNotAnswer_IsInconclusiveNotAnException()
    {
        // Port 9 (discard) on loopback: nothing listens; DnsClient's unconnected socket hears no ICMP, so it is silence.
        var r = await Run("dns.forward", new ProbeContext { Target = "pc01.fabrikam.test", DnsServers = ["127.0.0.1:9"] });

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains(r.Evidence, e => e.Value.StartsWith("no answer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pc01.fabrikam.test", null)]
    [InlineData("amt-wireless-notebook-0042.engineering.fabrikam.test", "too-long")]
    [InlineData("a.b", null)]
    [InlineData("single", "invalid")]
    [InlineData("-pc.fabrikam.test", "invalid")]
    [InlineData("pc.fabrikam.123", "invalid")]
    public async Task Fqdn_WithoutServers_StillChecksSyntaxAndLength(string target, string? finding)
    {
        var r = await Run("dns.fqdn", new ProbeContext { Target = target, DnsServers = [] });

        Assert.Equal(finding ?? "pass", r.Verdict);
    }

    [Fact]
    public async Task Fqdn_ExactlyFortyFourBytes_Passes()
    {
        var name = new string('a', 44 - ".fabrikam.test".Length) + ".fabrikam.test";
        Assert.Equal(44, name.Length);

        var r = await Run("dns.fqdn", new ProbeContext { Target = name });

        Assert.Equal("pass", r.Verdict);
    }

    [Fact]
    public async Task SingleLabelTarget_GetsTheDomainAppended()
    {
        var r = await Run("dns.fqdn", new ProbeContext { Target = "pc01", Domain = "fabrikam.test" });

        Assert.Equal("pass", r.Verdict);
        Assert.Contains("pc01.fabrikam.test", r.Summary, StringComparison.Ordinal);
    }
}
