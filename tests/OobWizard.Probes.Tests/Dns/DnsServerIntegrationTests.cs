using System.Diagnostics;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Probes.Dns;
using Xunit;
using Xunit.Abstractions;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>The adapter (DnsClient underneath) against real dnsmasq and bind9 (tests/servers/dns-up.sh).</summary>
public sealed class DnsServerIntegrationTests
{
    private static readonly DnsClientAdapter Client = new(TimeSpan.FromSeconds(2));

    private readonly ITestOutputHelper _output;

    public DnsServerIntegrationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq)]
    [InlineData(DnsTestServers.Bind)]
    public async Task HostRecord_AuthoritativeWithTtl(string which)
    {
        var server = DnsServerEndpoint.Parse(await DnsTestServers.RequireAsync(which));

        var r = await Client.QueryAsync(server, "pc01.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.True(r.Authoritative);
        Assert.Equal("udp", r.Transport);
        Assert.Empty(r.NotBelieved);
        var a = Assert.IsType<ARecord>(Assert.Single(r.Answers));
        Assert.Equal(("127.0.0.10", 300u), (a.Address.ToString(), DnsRecordText.Ttl(a)));
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq)]
    [InlineData(DnsTestServers.Bind)]
    public async Task LargeAnswer_IsTruncatedOverUdpAndCompleteOverTcp(string which)
    {
        var server = DnsServerEndpoint.Parse(await DnsTestServers.RequireAsync(which));

        var r = await Client.QueryAsync(server, "big.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp+tcp", r.Transport);
        Assert.Equal(40, r.Answers.OfType<ARecord>().Count());
        Assert.Empty(r.NotBelieved);
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq)]
    [InlineData(DnsTestServers.Bind)]
    public async Task EveryRecordType_FromARealServer(string which)
    {
        var server = DnsServerEndpoint.Parse(await DnsTestServers.RequireAsync(which));

        var cname = await Client.QueryAsync(server, "provisionserver.fabrikam.test", QueryType.A);
        var srv = await Client.QueryAsync(server, "_ldap._tcp.fabrikam.test", QueryType.SRV);
        var txt = await Client.QueryAsync(server, "txt1.fabrikam.test", QueryType.TXT);
        var ptr = await Client.QueryAsync(server, "10.0.0.127.in-addr.arpa", QueryType.PTR);
        var aaaa = await Client.QueryAsync(server, "ds.fabrikam.test", QueryType.AAAA);
        var tcp = await Client.QueryTcpAsync(server, "pc01.fabrikam.test", QueryType.A);

        Assert.Equal("sccm01.fabrikam.test", DnsRecordText.Data(Assert.IsType<CNameRecord>(cname.Answers[0])));
        Assert.Equal(389, Assert.IsType<SrvRecord>(Assert.Single(srv.Answers)).Port);
        Assert.Equal(["hello world", "second string"], Assert.IsType<TxtRecord>(Assert.Single(txt.Answers)).Text);
        Assert.Equal("pc01.fabrikam.test", DnsRecordText.Data(Assert.IsType<PtrRecord>(Assert.Single(ptr.Answers))));
        Assert.Equal("fd00::27", Assert.IsType<AaaaRecord>(Assert.Single(aaaa.Answers)).Address.ToString());
        Assert.Equal("tcp", tcp.Transport);
        Assert.Single(tcp.Answers);
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq)]
    [InlineData(DnsTestServers.Bind)]
    public async Task MissingName_IsNxDomain(string which)
    {
        var server = DnsServerEndpoint.Parse(await DnsTestServers.RequireAsync(which));

        var r = await Client.QueryAsync(server, "pc99.fabrikam.test", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, r.ResponseCode);
        Assert.True(r.NameHasNoData);
    }

    [SkippableFact]
    public async Task BindSoaAndNs_NameTheZoneAndItsServer()
    {
        var server = DnsServerEndpoint.Parse(await DnsTestServers.RequireAsync(DnsTestServers.Bind));

        var nx = await Client.QueryAsync(server, "pc99.fabrikam.test", QueryType.A);
        var ns = await Client.QueryAsync(server, "fabrikam.test", QueryType.NS, recursion: false);

        Assert.Equal("fabrikam.test", DnsRecordText.Name(Assert.IsType<SoaRecord>(Assert.Single(nx.Authorities))));
        Assert.Equal("ns1.fabrikam.test", DnsRecordText.Data(Assert.IsType<NsRecord>(Assert.Single(ns.Answers))));
        Assert.True(ns.Authoritative);
    }

    [SkippableTheory]
    [InlineData(DnsTestServers.Dnsmasq)]
    [InlineData(DnsTestServers.Bind)]
    public async Task QueryLatency_IsMeasured(string which)
    {
        var server = DnsServerEndpoint.Parse(await DnsTestServers.RequireAsync(which));
        const int n = 200;
        var times = new List<double>(n);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var r = await Client.QueryAsync(server, "pc01.fabrikam.test", QueryType.A);
            Assert.True(r.Answered, r.Error);
            times.Add(r.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        // More TCP questions than dnsmasq serves TCP clients at once (20): DnsClient's pooled connections must not pile up.
        var tcp = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            var r = await Client.QueryTcpAsync(server, "pc01.fabrikam.test", QueryType.A);
            Assert.True(r.Answered, $"TCP question {i + 1}: {r.Error}");
            tcp.Add(r.Elapsed.TotalMilliseconds);
        }

        tcp.Sort();
        _output.WriteLine($"{which} {server}: {n} UDP queries in {total.Elapsed.TotalMilliseconds:0} ms; median {times[n / 2]:0.000} ms, p95 {times[(int)(n * 0.95)]:0.000} ms, max {times[^1]:0.000} ms; TCP median {tcp[12]:0.000} ms");
        Assert.True(times[n / 2] < 50, "a loopback query should take well under 50 ms");
    }
}
