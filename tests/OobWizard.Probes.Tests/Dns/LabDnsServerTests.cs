using System.Net;
using OobWizard.Lab;
using OobWizard.Probes.Dns;
using OobWizard.Probes.Dns.Wire;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>The lab's DNS side answered through our own wire client, over real UDP and TCP on loopback.</summary>
public sealed class LabDnsServerTests : IAsyncLifetime
{
    private static readonly DnsWireClient Client = new(TimeSpan.FromSeconds(3), udpAttempts: 1);
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
        var r = await Client.QueryAsync(_server.Endpoint, "SALES-PC12.corp.contoso.com", DnsRecordType.A);

        Assert.True(r.Answered, r.Error);
        Assert.True(r.Authoritative);
        Assert.Equal(Device, Assert.IsType<ARecord>(Assert.Single(r.Answers)).Address);
    }

    [Fact]
    public async Task TheDevicesAddress_HasAPtrBackToTheName()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "1.1.77.127.in-addr.arpa", DnsRecordType.PTR);

        Assert.Equal("sales-pc12.corp.contoso.com", Assert.IsType<PtrRecord>(Assert.Single(r.Answers)).Target);
    }

    [Fact]
    public async Task ProvisionServer_IsAnAliasOfTheServicePoint()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "ProvisionServer.corp.contoso.com", DnsRecordType.A);

        Assert.Equal("sccm01.corp.contoso.com", Assert.IsType<CnameRecord>(r.Answers[0]).Target);
        Assert.IsType<ARecord>(r.Answers[1]);
    }

    [Fact]
    public async Task AnUnknownName_IsNxDomainWithTheSoa()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "pc99.corp.contoso.com", DnsRecordType.A);

        Assert.Equal(DnsResponseCode.NXDomain, r.ResponseCode);
        Assert.IsType<SoaRecord>(Assert.Single(r.Response!.Authorities));
    }

    [Fact]
    public async Task ANameOutsideTheZone_IsRefused_NeverForwarded()
    {
        var r = await Client.QueryAsync(_server.Endpoint, "www.example.com", DnsRecordType.A);

        Assert.Equal(DnsResponseCode.Refused, r.ResponseCode);
        Assert.Empty(r.Answers);
    }

    [Fact]
    public async Task TheSameAnswers_ComeOverTcp()
    {
        var r = await Client.QueryTcpAsync(_server.Endpoint, "_ldap._tcp.corp.contoso.com", DnsRecordType.SRV);

        Assert.Equal("dc01.corp.contoso.com", Assert.IsType<SrvRecord>(Assert.Single(r.Answers)).Target);
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
