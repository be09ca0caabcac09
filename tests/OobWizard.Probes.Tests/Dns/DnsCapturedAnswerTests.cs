using System.Text.RegularExpressions;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Probes.Dns;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// Real answers of dnsmasq and BIND (<see cref="CapturedAnswers"/>) replayed by a loopback server and
/// read through the adapter: the evidence row a user sees for each (record types, TTLs, AA, rcode,
/// CNAME owners, the SOA of a negative answer, glue, TCP after TC).
/// </summary>
public sealed class DnsCapturedAnswerTests
{
    private static readonly DnsClientAdapter Client = new(TimeSpan.FromSeconds(3), udpAttempts: 1);

    private static async Task<(DnsQueryResult Result, string Row)> ReplayAsync(byte[] udp, string name, QueryType type, byte[]? tcp = null)
    {
        using var server = new FakeDnsServer((q, overTcp) => [TestAnswers.WithIdOf(overTcp ? tcp ?? udp : udp, q)]);
        var endpoint = DnsServerEndpoint.Parse(server.Endpoint);
        var result = await Client.QueryAsync(endpoint, name, type);
        var session = new DnsProbeSession(new ProbeContext { DnsServers = [server.Endpoint] }, new DnsProbeOptions { Client = Client });
        session.Record(result);
        var row = session.Evidence[^1];
        Assert.Equal($"{endpoint} {DnsRecordText.Type(type)} {name}", row.Name);
        return (result, Regex.Replace(row.Value, @"\d+\.\d ms", "N ms"));
    }

    public static TheoryData<string, string, QueryType, string> Rows => new()
    {
        { nameof(CapturedAnswers.Dnsmasq_A_pc01), "pc01.fabrikam.test", QueryType.A, "NOERROR aa, udp, N ms: A 127.0.0.10 (TTL 300)" },
        { nameof(CapturedAnswers.Bind_A_pc01), "pc01.fabrikam.test", QueryType.A, "NOERROR aa, udp, N ms: A 127.0.0.10 (TTL 300)" },
        { nameof(CapturedAnswers.Dnsmasq_Cname_provisionserver), "provisionserver.fabrikam.test", QueryType.A, "NOERROR aa, udp, N ms: CNAME sccm01.fabrikam.test (TTL 120); sccm01.fabrikam.test A 127.0.0.30 (TTL 300)" },
        { nameof(CapturedAnswers.Dnsmasq_A_rr), "rr.fabrikam.test", QueryType.A, "NOERROR aa, udp, N ms: A 127.0.0.11 (TTL 300); A 127.0.0.12 (TTL 300)" },
        { nameof(CapturedAnswers.Dnsmasq_Srv_ldap), "_ldap._tcp.fabrikam.test", QueryType.SRV, "NOERROR aa, udp, N ms: SRV 0 100 389 dc01.fabrikam.test (TTL 300)" },
        { nameof(CapturedAnswers.Bind_Srv_ldap_na), "_ldap._tcp.na.corp.fabrikam.test", QueryType.SRV, "NOERROR aa, udp, N ms: SRV 0 100 389 dc02.na.corp.fabrikam.test (TTL 300)" },
        { nameof(CapturedAnswers.Dnsmasq_Txt_txt1), "txt1.fabrikam.test", QueryType.TXT, "NOERROR aa, udp, N ms: TXT \"hello world\" \"second string\" (TTL 300)" },
        { nameof(CapturedAnswers.Bind_Txt_txt1), "txt1.fabrikam.test", QueryType.TXT, "NOERROR aa, udp, N ms: TXT \"hello world\" \"second string\" (TTL 300)" },
        { nameof(CapturedAnswers.Dnsmasq_Ptr_10), "10.0.0.127.in-addr.arpa", QueryType.PTR, "NOERROR aa, udp, N ms: PTR pc01.fabrikam.test (TTL 300)" },
        { nameof(CapturedAnswers.Bind_Ptr_23), "23.0.0.127.in-addr.arpa", QueryType.PTR, "NOERROR aa, udp, N ms: PTR oldname.fabrikam.test (TTL 300)" },
        { nameof(CapturedAnswers.Dnsmasq_NxDomain_pc99), "pc99.fabrikam.test", QueryType.A, "NXDOMAIN, udp, N ms: no records" },
        { nameof(CapturedAnswers.Bind_NxDomain_pc99), "pc99.fabrikam.test", QueryType.A, "NXDOMAIN aa, udp, N ms: no records" },
        { nameof(CapturedAnswers.Bind_Aaaa_ds), "ds.fabrikam.test", QueryType.AAAA, "NOERROR aa, udp, N ms: AAAA fd00::27 (TTL 300)" },
        { nameof(CapturedAnswers.Bind_Soa_zone), "fabrikam.test", QueryType.SOA, "NOERROR aa, udp, N ms: SOA ns1.fabrikam.test hostmaster.fabrikam.test 2026112201 3600 600 86400 300 (TTL 300)" },
        { nameof(CapturedAnswers.Bind_Ns_zone), "fabrikam.test", QueryType.NS, "NOERROR aa, udp, N ms: NS ns1.fabrikam.test (TTL 300)" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task RealAnswer_GivesTheEvidenceRow(string capture, string name, QueryType type, string row)
    {
        var bytes = (byte[])typeof(CapturedAnswers).GetField(capture)!.GetValue(null)!;

        var (result, actual) = await ReplayAsync(bytes, name, type);

        Assert.Equal(row, actual);
        Assert.Empty(result.NotBelieved);
    }

    [Fact]
    public async Task BindNxDomain_CarriesTheZonesSoaInItsAuthoritySection()
    {
        var (result, _) = await ReplayAsync(CapturedAnswers.Bind_NxDomain_pc99, "pc99.fabrikam.test", QueryType.A);

        var soa = Assert.IsType<SoaRecord>(Assert.Single(result.Authorities));
        Assert.Equal(("fabrikam.test", "ns1.fabrikam.test hostmaster.fabrikam.test 2026112201 3600 600 86400 300"), (DnsRecordText.Name(soa), DnsRecordText.Data(soa)));
        Assert.True(result.NameHasNoData);
    }

    [Fact]
    public async Task BindNs_CarriesTheServersAddressAsGlue()
    {
        var (result, _) = await ReplayAsync(CapturedAnswers.Bind_Ns_zone, "fabrikam.test", QueryType.NS);

        var glue = Assert.IsType<ARecord>(Assert.Single(result.Additionals));
        Assert.Equal(("ns1.fabrikam.test", "127.0.0.4"), (DnsRecordText.Name(glue), glue.Address.ToString()));
    }

    [Fact]
    public async Task DnsmasqSrv_CarriesTheDcsAddressWithItsOwnTtl()
    {
        var (result, _) = await ReplayAsync(CapturedAnswers.Dnsmasq_Srv_ldap, "_ldap._tcp.fabrikam.test", QueryType.SRV);

        var glue = Assert.IsType<ARecord>(Assert.Single(result.Additionals));
        Assert.Equal(("dc01.fabrikam.test", 3600u), (DnsRecordText.Name(glue), DnsRecordText.Ttl(glue)));
    }

    [Theory]
    [InlineData(nameof(CapturedAnswers.Dnsmasq_Truncated_big))]
    [InlineData(nameof(CapturedAnswers.Bind_Truncated_big))]
    public async Task TruncatedUdpAnswer_IsFollowedByTheWholeAnswerOverTcp(string capture)
    {
        var bytes = (byte[])typeof(CapturedAnswers).GetField(capture)!.GetValue(null)!;

        var (result, row) = await ReplayAsync(bytes, "big.fabrikam.test", QueryType.A, tcp: CapturedAnswers.Bind_Tcp_big);

        Assert.Equal("udp+tcp", result.Transport);
        Assert.Equal(40, DnsAnswers.Final(result, QueryType.A).Count);
        Assert.StartsWith("NOERROR aa, udp+tcp, N ms: A 127.0.1.", row, StringComparison.Ordinal);
    }
}
