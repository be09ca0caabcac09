using System.Net;
using OobWizard.Probes.Dns;
using OobWizard.Probes.Dns.Wire;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>The client against a scripted server on 127.0.0.1: id checks, question matching, TC fallback, bad packets, silence.</summary>
public sealed class DnsWireClientTests
{
    // Tests that expect an answer get a bound a loaded two-core CI machine cannot miss; tests that
    // expect a timeout use a short one so they stay fast.
    private static readonly DnsWireClient Client = new(TimeSpan.FromSeconds(3), udpAttempts: 1);
    private static readonly DnsWireClient QuickClient = new(TimeSpan.FromMilliseconds(300), udpAttempts: 1);
    private static readonly DnsWireClient SpoofClient = new(TimeSpan.FromSeconds(1), udpAttempts: 1);

    private static byte[] Answer(byte[] query, Func<DnsMessage, DnsMessage>? change = null, int records = 1, bool truncated = false)
    {
        var q = DnsMessageReader.Read(query);
        var answers = Enumerable.Range(1, records)
            .Select(i => (DnsRecord)new ARecord(q.Questions[0].Name, 1, 300, IPAddress.Parse($"192.0.2.{i}")))
            .ToList();
        var flags = (ushort)(DnsHeader.QrBit | DnsHeader.AaBit | (truncated ? DnsHeader.TcBit : 0));
        var m = new DnsMessage(new DnsHeader(q.Header.Id, flags, 0, 0, 0, 0), q.Questions, truncated ? answers.Take(1).ToList() : answers, [], []);
        return DnsMessageWriter.Write(change is null ? m : change(m));
    }

    [Fact]
    public async Task Answer_IsReportedWithServerTransportAndTime()
    {
        using var server = new FakeDnsServer((q, _) => [Answer(q)]);

        var r = await Client.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "pc01.fabrikam.test", DnsRecordType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp", r.Transport);
        Assert.True(r.Authoritative);
        Assert.Equal(DnsResponseCode.NoError, r.ResponseCode);
        Assert.Equal(server.Port, r.Server.Port);
        Assert.True(r.Elapsed > TimeSpan.Zero);
        Assert.Equal("192.0.2.1", Assert.IsType<ARecord>(Assert.Single(r.Answers)).Address.ToString());
    }

    [Fact]
    public async Task SpoofedIdAndWrongQuestion_AreIgnored_ThenTheRealAnswerIsTaken()
    {
        using var server = new FakeDnsServer((q, _) =>
        [
            Answer(q, m => m with { Header = m.Header with { Id = (ushort)(m.Header.Id + 1) } }),
            Answer(q, m => m with { Questions = [new DnsQuestion("evil.test", DnsRecordType.A)] }),
            Answer(q),
        ]);

        var r = await Client.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "pc01.fabrikam.test", DnsRecordType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal(2, r.IgnoredDatagrams);
        Assert.Equal("pc01.fabrikam.test", r.Answers[0].Name);
    }

    [Fact]
    public async Task OnlySpoofedAnswers_IsATimeoutNotABelievedAnswer()
    {
        using var server = new FakeDnsServer((q, _) => [Answer(q, m => m with { Header = m.Header with { Id = (ushort)(m.Header.Id ^ 0xFFFF) } })]);

        var r = await SpoofClient.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "pc01.fabrikam.test", DnsRecordType.A);

        Assert.False(r.Answered);
        Assert.Equal(1, r.IgnoredDatagrams);
        Assert.Contains("no answer", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_IsAskedAgainOverTcp()
    {
        using var server = new FakeDnsServer((q, tcp) => [tcp ? Answer(q, records: 40) : Answer(q, truncated: true)]);

        var r = await Client.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "big.fabrikam.test", DnsRecordType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp+tcp", r.Transport);
        Assert.Equal(40, r.Answers.Count);
        Assert.Equal((1, 1), (server.UdpQueries, server.TcpQueries));
    }

    [Fact]
    public async Task MalformedAnswerWithOurId_IsAnErrorResult()
    {
        using var server = new FakeDnsServer((q, _) => [q.Take(2).Concat(new byte[] { 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xC0, 12 }).ToArray()]);

        var r = await Client.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "pc01.fabrikam.test", DnsRecordType.A);

        Assert.False(r.Answered);
        Assert.StartsWith("malformed answer", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MismatchedTcpAnswer_IsAnError()
    {
        using var server = new FakeDnsServer((q, tcp) => [tcp ? Answer(q, m => m with { Header = m.Header with { Id = 0 } }) : Answer(q, truncated: true)]);

        var r = await Client.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "x.test", DnsRecordType.A);

        Assert.False(r.Answered);
        Assert.Contains("does not match", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_IsATimeoutWithinTheBound()
    {
        using var server = new FakeDnsServer((_, _) => []);

        var r = await QuickClient.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "pc01.fabrikam.test", DnsRecordType.A);

        Assert.False(r.Answered);
        Assert.InRange(r.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task NameThatCannotBeSent_IsAnErrorResult()
    {
        var r = await Client.QueryAsync(new DnsServerEndpoint("127.0.0.1", 9), new string('a', 64) + ".test", DnsRecordType.A);

        Assert.False(r.Answered);
        Assert.StartsWith("cannot ask", r.Error, StringComparison.Ordinal);
    }
}
