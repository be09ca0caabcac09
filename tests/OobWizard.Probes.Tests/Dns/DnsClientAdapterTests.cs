using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Probes.Dns;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// The adapter around DnsClient's LookupClient against a scripted server on 127.0.0.1: each gap of
/// DnsClient 1.8.0 it closes (another question, another id, silence, transport and time), TC
/// fallback, bad packets, and what it sends.
/// </summary>
public sealed class DnsClientAdapterTests
{
    // Tests that expect an answer get a bound a loaded two-core CI machine cannot miss; tests that
    // expect silence use a short one so they stay fast.
    private static readonly DnsClientAdapter Client = new(TimeSpan.FromSeconds(3), udpAttempts: 1);
    private static readonly DnsClientAdapter QuickClient = new(TimeSpan.FromMilliseconds(300), udpAttempts: 2);

    private static DnsServerEndpoint At(FakeDnsServer server) => DnsServerEndpoint.Parse(server.Endpoint);

    [Fact]
    public async Task Answer_IsReportedWithServerTransportTimeAaAndTtl()
    {
        using var server = new FakeDnsServer((q, _) => [TestAnswers.A(q)]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp", r.Transport);
        Assert.True(r.Authoritative);
        Assert.Equal(DnsHeaderResponseCode.NoError, r.ResponseCode);
        Assert.Equal(server.Port, r.Server.Port);
        Assert.True(r.Elapsed > TimeSpan.Zero);
        Assert.Empty(r.NotBelieved);
        var a = Assert.IsType<ARecord>(Assert.Single(r.Answers));
        Assert.Equal(("192.0.2.1", 300u), (a.Address.ToString(), DnsRecordText.Ttl(a)));
        Assert.Equal((1, 0), (server.UdpQueries, server.TcpQueries));
    }

    [Fact]
    public async Task Query_IsPlain_OneQuestionNoEdns_AndRdAsTheCallerAsks()
    {
        var seen = new List<byte[]>();
        using var server = new FakeDnsServer((q, _) =>
        {
            lock (seen)
            {
                seen.Add(q);
            }

            return [TestAnswers.A(q)];
        });

        await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A, recursion: true);
        await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A, recursion: false);

        Assert.Equal([true, false], seen.Select(TestAnswers.RecursionDesired));
        foreach (var q in seen)
        {
            // QDCOUNT 1, no answer, authority or additional (no OPT record): a 512-byte UDP client, as the AMT era's stubs are.
            Assert.Equal((1, 0, 0, 0), (BinaryPrimitives.ReadUInt16BigEndian(q.AsSpan(4)), BinaryPrimitives.ReadUInt16BigEndian(q.AsSpan(6)),
                BinaryPrimitives.ReadUInt16BigEndian(q.AsSpan(8)), BinaryPrimitives.ReadUInt16BigEndian(q.AsSpan(10))));
            Assert.Equal("pc01.fabrikam.test", TestAnswers.NameOf(q));
        }
    }

    [Fact]
    public async Task StrayDatagramWithAnotherId_IsNoticed_AndTheAnswerComesOverTcp()
    {
        // DnsClient alone throws DnsXidMismatchException here, which is not a DnsResponseException.
        using var server = new FakeDnsServer((q, tcp) => tcp ? [TestAnswers.A(q)] : [TestAnswers.Stray(q), TestAnswers.A(q)]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp+tcp", r.Transport);
        var note = Assert.Single(r.NotBelieved);
        Assert.Matches("^over UDP a message with id 0x[0-9A-F]{4}, not our query's 0x[0-9A-F]{4} \\(stray or spoofed\\)$", note);
        Assert.Equal((1, 1), (server.UdpQueries, server.TcpQueries));
    }

    [Fact]
    public async Task StrayDatagram_AndNoAnswerOverTcp_IsAnErrorResultNotAnException()
    {
        using var server = new FakeDnsServer((q, tcp) => tcp ? [] : [TestAnswers.Stray(q)]);

        var r = await QuickClient.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.False(r.Answered);
        Assert.Equal("udp+tcp", r.Transport);
        Assert.Equal("over TCP the server closed the connection without an answer", r.Error);
        Assert.Contains("stray or spoofed", Assert.Single(r.NotBelieved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerToAnotherQuestion_IsRejectedAndReported_ThenAskedOverTcp()
    {
        // DnsClient alone believes it: it checks only the id.
        using var server = new FakeDnsServer((q, tcp) => [tcp ? TestAnswers.A(q) : TestAnswers.ToAnotherQuestion(q)]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp+tcp", r.Transport);
        Assert.Equal("over UDP an answer to A evil.test, not to A pc01.fabrikam.test: rejected", Assert.Single(r.NotBelieved));
        Assert.Equal("pc01.fabrikam.test", DnsRecordText.Name(Assert.Single(r.Answers)));
    }

    [Fact]
    public async Task AnswerToAnotherQuestion_OverTcpToo_IsAnError()
    {
        using var server = new FakeDnsServer((q, _) => [TestAnswers.ToAnotherQuestion(q)]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.False(r.Answered);
        Assert.Equal("over TCP an answer to A evil.test, not to A pc01.fabrikam.test: rejected", r.Error);
        Assert.Single(r.NotBelieved);
    }

    [Theory]
    [InlineData("PC01.Fabrikam.TEST")]
    [InlineData("pc01.fabrikam.test.")]
    public async Task TheQuestionEchoedInAnotherCase_IsOurs(string asked)
    {
        using var server = new FakeDnsServer((q, _) => [TestAnswers.A(q, question: Lab.LabDnsWriter.Question("pc01.FABRIKAM.test", QueryType.A))]);

        var r = await Client.QueryAsync(At(server), asked, QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Empty(r.NotBelieved);
    }

    [Fact]
    public async Task AnswerToAnotherType_IsRejected()
    {
        using var server = new FakeDnsServer((q, tcp) => [tcp ? TestAnswers.A(q) : TestAnswers.A(q, question: Lab.LabDnsWriter.Question("pc01.fabrikam.test", QueryType.AAAA))]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.Equal("over UDP an answer to AAAA pc01.fabrikam.test, not to A pc01.fabrikam.test: rejected", Assert.Single(r.NotBelieved));
    }

    [Fact]
    public async Task QueryReflectedBack_WithoutTheQrBit_IsRejected()
    {
        using var server = new FakeDnsServer((q, tcp) => [tcp ? TestAnswers.A(q) : q]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Contains("without the QR bit", Assert.Single(r.NotBelieved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedWithoutAQuestion_IsAnAnswer()
    {
        // Some servers leave the question out of an error answer.
        using var server = new FakeDnsServer((q, _) => [[.. q.AsSpan(0, 2), 0x81, 0x05, 0, 0, 0, 0, 0, 0, 0, 0]]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal(DnsHeaderResponseCode.Refused, r.ResponseCode);
    }

    [Fact]
    public async Task AnswerNamingSomethingNoHostNameCanBe_IsNotBelieved()
    {
        // DnsClient follows a compression pointer past the end of a message into its reused receive
        // buffer, so such names can carry bytes of an earlier message; here the odd owner name is in the packet.
        using var server = new FakeDnsServer((q, tcp) =>
        {
            var head = TestAnswers.A(q, records: 0);
            head[7] = 1;
            return tcp ? [TestAnswers.A(q)] : [[.. head, 3, (byte)'p', 0x07, (byte)'c', 0xC0, 12 + 5, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 9, 8, 7]];
        });

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp+tcp", r.Transport);
        Assert.Equal("over UDP an answer naming 'p\\007c.fabrikam.test', which no host name can be: rejected", Assert.Single(r.NotBelieved));
    }

    [Fact]
    public async Task Truncated_IsAskedAgainOverTcp()
    {
        using var server = new FakeDnsServer((q, tcp) => [tcp ? TestAnswers.A(q, records: 40) : TestAnswers.Truncated(q)]);

        var r = await Client.QueryAsync(At(server), "big.fabrikam.test", QueryType.A);

        Assert.True(r.Answered, r.Error);
        Assert.Equal("udp+tcp", r.Transport);
        Assert.Equal(40, r.Answers.Count);
        Assert.Empty(r.NotBelieved);
        Assert.Equal((1, 1), (server.UdpQueries, server.TcpQueries));
    }

    [Fact]
    public async Task IdMismatchOverTcp_IsAnError()
    {
        using var server = new FakeDnsServer((q, tcp) => [tcp ? TestAnswers.A(q, id: (ushort)(TestAnswers.Id(q) ^ 1)) : TestAnswers.Truncated(q)]);

        var r = await Client.QueryAsync(At(server), "x.test", QueryType.A);

        Assert.False(r.Answered);
        Assert.Contains("over TCP a message with id 0x", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedAnswerWithOurId_IsAnErrorResult()
    {
        // One answer record whose owner name is a compression pointer to itself.
        using var server = new FakeDnsServer((q, _) => [[.. q.AsSpan(0, 2), 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]]);

        var r = await Client.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.False(r.Answered);
        Assert.Equal("udp+tcp", r.Transport);
        Assert.StartsWith("over TCP an unreadable answer", r.Error, StringComparison.Ordinal);
        Assert.StartsWith("over UDP an unreadable answer", Assert.Single(r.NotBelieved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_IsNoAnswerInNMilliseconds_AfterEveryUdpTry()
    {
        using var server = new FakeDnsServer((_, _) => []);

        var r = await QuickClient.QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.False(r.Answered);
        Assert.Equal("udp", r.Transport);
        Assert.Matches(@"^no answer in \d+ ms \(2 UDP tries\)$", r.Error);
        Assert.Equal((2, 1), (server.UdpQueries, server.EmptyDatagrams));
    }

    [Fact]
    public async Task ClosedUdpPort_IsNoAnswerInNMilliseconds_AndPortUnreachable()
    {
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var r = await QuickClient.QueryAsync(new DnsServerEndpoint("127.0.0.1", port), "pc01.fabrikam.test", QueryType.A);

        Assert.False(r.Answered);
        Assert.Matches(@"^no answer in \d+ ms \(2 UDP tries\); port unreachable: nothing listens there for DNS over UDP$", r.Error);
    }

    [Theory]
    [InlineData("a..fabrikam.test", "empty label")]
    [InlineData("a\\.b.fabrikam.test", "escaped byte")]
    [InlineData("täst.fabrikam.test", "xn--")]
    public async Task NameThatCannotBeSentAsMeant_IsAnErrorResult_AndNothingIsSent(string name, string why)
    {
        using var server = new FakeDnsServer((q, _) => [TestAnswers.A(q)]);

        var r = await Client.QueryAsync(At(server), name, QueryType.A);

        Assert.False(r.Answered);
        Assert.StartsWith("cannot ask", r.Error, StringComparison.Ordinal);
        Assert.Contains(why, r.Error, StringComparison.Ordinal);
        Assert.Equal("none", r.Transport);
        Assert.Equal(0, server.UdpQueries);
    }

    [Fact]
    public async Task LabelOf64Bytes_CannotBeAsked()
    {
        var r = await Client.QueryAsync(new DnsServerEndpoint("127.0.0.1", 9), new string('a', 64) + ".test", QueryType.A);

        Assert.False(r.Answered);
        Assert.Contains("label of 64 bytes", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoTcpQuestionsInARow_ToAServerThatClosesEachConnection_AreBothAnswered()
    {
        // DnsClient pools TCP connections for 5 s per client and does not see that the server closed them.
        using var server = new FakeDnsServer((q, _) => [TestAnswers.A(q)]);

        var first = await Client.QueryTcpAsync(At(server), "pc01.fabrikam.test", QueryType.A);
        var second = await Client.QueryTcpAsync(At(server), "pc01.fabrikam.test", QueryType.A);

        Assert.True(first.Answered, first.Error);
        Assert.True(second.Answered, second.Error);
        Assert.Equal(("tcp", 2), (second.Transport, server.TcpQueries));
    }

    [Fact]
    public async Task CallersCancellation_Escapes()
    {
        using var server = new FakeDnsServer((_, _) => []);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new DnsClientAdapter(TimeSpan.FromSeconds(30)).QueryAsync(At(server), "pc01.fabrikam.test", QueryType.A, cancellationToken: cancel.Token));
    }
}
