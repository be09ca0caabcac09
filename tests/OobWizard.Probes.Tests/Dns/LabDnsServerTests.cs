using System.Net;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Lab;
using OobWizard.Probes.Dns;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>The lab's DNS side (its answers written by <see cref="LabDnsWriter"/>) read through the adapter, over real UDP and TCP on loopback.</summary>
public sealed class LabDnsServerTests : IAsyncLifetime
{
    private static readonly DnsClientAdapter Client = new(TimeSpan.FromSeconds(3), udpAttempts: 1);
    private static readonly IPAddress Device = IPAddress.Parse("127.77.1.1");
    private LabDnsServer _server = null!;

    public Task InitializeAsync()
    {
        var model = new LabDeviceModel { HostName = "amt-pc07", DomainName = "corp.contoso.com", HostOsFqdn = "sales-pc12.corp.contoso.com" };
        _server = LabDnsServer.Start(LabDnsZone.ForDevice(model, Device, IPAddress.Parse("127.77.1.53")), IPAddress.Parse("127.77.1.53"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TheNameInUse_ResolvesToTheDevice_Authoritatively()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "SALES-PC12.corp.contoso.com", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.True(r.Authoritative);
        Assert.Empty(r.NotBelieved);
        var a = Assert.IsType<ARecord>(Assert.Single(r.Answers));
        Assert.Equal((Device, 300u), (a.Address, DnsRecordText.Ttl(a)));
    }

    [Fact]
    public async Task TheDevicesAddress_HasAPtrBackToTheName()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "1.1.77.127.in-addr.arpa", QueryType.PTR);

        Assert.Equal("sales-pc12.corp.contoso.com", DnsRecordText.Data(Assert.IsType<PtrRecord>(Assert.Single(r.Answers))));
    }

    [Fact]
    public async Task ProvisionServer_IsAnAliasOfTheServicePoint()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "ProvisionServer.corp.contoso.com", QueryType.A);

        Assert.Equal("sccm01.corp.contoso.com", DnsRecordText.Data(Assert.IsType<CNameRecord>(r.Answers[0])));
        Assert.Equal("sccm01.corp.contoso.com", DnsRecordText.Name(Assert.IsType<ARecord>(r.Answers[1])));
    }

    [Fact]
    public async Task AnUnknownName_IsNxDomainWithTheSoa()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "pc99.corp.contoso.com", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, r.ResponseCode);
        var soa = Assert.IsType<SoaRecord>(Assert.Single(r.Authorities));
        Assert.Equal("ns1.corp.contoso.com hostmaster.corp.contoso.com 2026112201 900 300 604800 300", DnsRecordText.Data(soa));
    }

    [Fact]
    public async Task TheZoneApex_NamesItsServer_WithItsAddress()
    {
        var ns = await Client.QueryAsync(_server.Endpoint, "corp.contoso.com", QueryType.NS, recursion: false);
        var glue = await Client.QueryAsync(_server.Endpoint, "ns1.corp.contoso.com", QueryType.A);

        Assert.Equal("ns1.corp.contoso.com", DnsRecordText.Data(Assert.IsType<NsRecord>(Assert.Single(ns.Answers))));
        Assert.Equal("127.77.1.53", DnsRecordText.Data(Assert.Single(glue.Answers)));
    }

    [Fact]
    public async Task ANameOutsideTheZone_IsRefused_NeverForwarded()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "www.example.com", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.Refused, r.ResponseCode);
        Assert.Empty(r.Answers);
        Assert.False(r.Authoritative);
    }

    [Fact]
    public async Task TheSameAnswers_ComeOverTcp()
    {
        var r = await Client.QueryTcpAsync(_server.Endpoint, "_ldap._tcp.corp.contoso.com", QueryType.SRV);

        Assert.Equal("tcp", r.Transport);
        Assert.Equal("0 100 389 dc01.corp.contoso.com", DnsRecordText.Data(Assert.IsType<SrvRecord>(Assert.Single(r.Answers))));
    }

    [Fact]
    public async Task RdIsEchoed_AndTheQuestionAsAsked()
    {
        var query = Convert.FromHexString("abcd0100000100000000000004706330310866616272696b616d04746573740000010001");

        var answer = _server.Respond(query)!;

        Assert.Equal([0xAB, 0xCD], answer[..2]);
        Assert.Equal(0x81, answer[2] & 0x81); // QR and RD
        Assert.Equal(query[12..], answer[12..query.Length]);
    }

    [Theory]
    [InlineData("abcd8100000100000000000004706330310866616272696b616d04746573740000010001")] // a response, not a query
    [InlineData("abcd0100000200000000000004706330310866616272696b616d04746573740000010001")] // two questions
    [InlineData("abcd2100000100000000000004706330310866616272696b616d04746573740000010001")] // opcode 4 (NOTIFY)
    [InlineData("abcd01000001000000000000c00c00010001")] // question name pointing at itself
    [InlineData("abcd0100000100000000000004706330")] // cut inside the name
    [InlineData("abcd0100")] // shorter than a header
    public void WhatIsNotAPlainQuery_GetsNoAnswer(string hex)
    {
        Assert.Null(_server.Respond(Convert.FromHexString(hex)));
    }

    [Fact]
    public async Task AnIpv6Host_HasItsAaaaAndIp6ArpaPtr()
    {
        _server.Zone.AddHost("ds.corp.contoso.com", IPAddress.Parse("fd00::27"));

        var aaaa = await Client.QueryAsync(_server.Endpoint, "ds.corp.contoso.com", QueryType.AAAA);
        var ptr = await Client.QueryAsync(_server.Endpoint, DnsName.ReverseName(IPAddress.Parse("fd00::27")), QueryType.PTR);

        Assert.Equal("fd00::27", DnsRecordText.Data(Assert.IsType<AaaaRecord>(Assert.Single(aaaa.Answers))));
        Assert.Equal("ds.corp.contoso.com", DnsRecordText.Data(Assert.IsType<PtrRecord>(Assert.Single(ptr.Answers))));
    }

    [Fact]
    public void ItListensOnLoopbackOnly()
    {
        Assert.Throws<ArgumentException>(() => LabDnsServer.Start(new LabDnsZone("corp.contoso.com", IPAddress.Loopback), IPAddress.Parse("10.0.0.53")));
    }

    [Fact]
    public async Task TheLabResolver_StandsInForTheOs_WithTheLabsAnswers()
    {
        var resolution = await new LabSystemResolver(_server.Endpoint).ResolveAsync("sales-pc12.corp.contoso.com", CancellationToken.None);

        Assert.Equal([Device], resolution.Addresses);
    }
}
