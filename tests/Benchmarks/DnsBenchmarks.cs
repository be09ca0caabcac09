using System.Net;
using BenchmarkDotNet.Attributes;
using DnsClient;
using OobWizard.Lab;
using OobWizard.Probes.Dns;

namespace OobWizard.Benchmarks;

/// <summary>
/// One DNS question as a probe asks it, against the lab's authoritative server on loopback: over UDP
/// (the usual case) and over TCP (after TC or an answer not believed), the evidence row included.
/// Measures the client side (DnsClient through <see cref="DnsClientAdapter"/>) plus the lab server.
/// </summary>
[MemoryDiagnoser]
public class DnsBenchmarks
{
    private static readonly IPAddress ServerAddress = IPAddress.Parse("127.77.250.53");
    private readonly DnsClientAdapter _client = new(TimeSpan.FromSeconds(2), udpAttempts: 1);
    private LabDnsServer _server = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = new LabDeviceModel { HostName = "amt-pc07", DomainName = "corp.contoso.com" };
        _server = LabDnsServer.Start(LabDnsZone.ForDevice(model, IPAddress.Parse("127.77.250.1"), ServerAddress), ServerAddress);
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<string> AskOverUdp() => Summary(await _client.QueryAsync(_server.Endpoint, "provisionserver.corp.contoso.com", QueryType.A));

    [Benchmark]
    public async Task<string> AskOverTcp() => Summary(await _client.QueryTcpAsync(_server.Endpoint, "provisionserver.corp.contoso.com", QueryType.A));

    private static string Summary(DnsQueryResult result) =>
        result.Answered ? result.Summary : throw new InvalidOperationException(result.Error);
}
