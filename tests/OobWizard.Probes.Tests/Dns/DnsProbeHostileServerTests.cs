using System.Net;
using System.Net.Sockets;
using OobWizard.Probes.Dns;
using Xunit;
using Xunit.Abstractions;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// What a user sees from dns.forward when a middlebox or a broken server sits in the way: the
/// verdict, and the evidence row that says what came back and what was not believed.
/// </summary>
public sealed class DnsProbeHostileServerTests
{
    private readonly ITestOutputHelper _output;

    public DnsProbeHostileServerTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private async Task<(ProbeResult Result, string Row)> ForwardAsync(string server)
    {
        var options = new DnsProbeOptions
        {
            Client = new DnsClientAdapter(TimeSpan.FromMilliseconds(500), udpAttempts: 2),
            SystemResolver = new FakeSystemResolver(),
            SystemServers = () => throw new InvalidOperationException("tests always name their servers"),
        };
        var probe = DnsProbes.All(options).Single(p => p.Id == "dns.forward");
        var result = await new ProbeRunner([probe]).RunAsync("dns.forward", new ProbeContext { DnsServers = [server], Target = "pc01.fabrikam.test" });
        _output.WriteLine($"{result.ProbeId}: {result.Outcome} {result.Verdict}: {result.Summary}");
        foreach (var e in result.Evidence)
        {
            _output.WriteLine($"  {e.Name} | {e.Value}");
        }

        var row = Assert.Single(result.Evidence, e => e.Name == $"{DnsServerEndpoint.Parse(server)} A pc01.fabrikam.test").Value;
        return (result, System.Text.RegularExpressions.Regex.Replace(row, @"\d+(\.\d)? ms", "N ms"));
    }

    [Fact]
    public async Task StrayDatagramBeforeTheAnswer_IsShown_AndTheVerdictStands()
    {
        using var server = new FakeDnsServer((q, tcp) => tcp ? [TestAnswers.A(q)] : [TestAnswers.Stray(q), TestAnswers.A(q)]);

        var (result, row) = await ForwardAsync(server.Endpoint);

        Assert.Equal("pass", result.Verdict);
        Assert.Matches(@"^NOERROR aa, udp\+tcp, N ms: A 192\.0\.2\.1 \(TTL 300\)\. Not believed: over UDP a message with id 0x[0-9A-F]{4}, not our query's 0x[0-9A-F]{4} \(stray or spoofed\)$", row);
    }

    [Fact]
    public async Task AnswerToAnotherQuestion_IsShown_AndNotUsed()
    {
        using var server = new FakeDnsServer((q, _) => [TestAnswers.ToAnotherQuestion(q)]);

        var (result, row) = await ForwardAsync(server.Endpoint);

        Assert.Equal(ProbeOutcome.Inconclusive, result.Outcome);
        Assert.Equal("no answer (udp+tcp, N ms): over TCP an answer to A evil.test, not to A pc01.fabrikam.test: rejected. Not believed: over UDP an answer to A evil.test, not to A pc01.fabrikam.test: rejected", row);
    }

    [Fact]
    public async Task TruncatedAnswer_IsCompletedOverTcp_AndTheRoundRobinSeen()
    {
        using var server = new FakeDnsServer((q, tcp) => [tcp ? TestAnswers.A(q, records: 3) : TestAnswers.Truncated(q)]);

        var (result, row) = await ForwardAsync(server.Endpoint);

        Assert.Equal("multiple", result.Verdict);
        Assert.Equal("NOERROR aa, udp+tcp, N ms: A 192.0.2.1 (TTL 300); A 192.0.2.2 (TTL 300); A 192.0.2.3 (TTL 300)", row);
    }

    [Fact]
    public async Task ClosedUdpPort_IsNoAnswerInNMilliseconds()
    {
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var (result, row) = await ForwardAsync($"127.0.0.1:{port}");

        Assert.Equal(ProbeOutcome.Inconclusive, result.Outcome);
        Assert.Equal("no answer (udp, N ms): no answer in N ms (2 UDP tries); port unreachable: nothing listens there for DNS over UDP", row);
    }
}
