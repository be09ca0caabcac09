using System.Net;
using OobWizard.Probes.Dns.Wire;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

public sealed class DnsMessageWriterTests
{
    [Fact]
    public void Query_IsByteForByteWhatDigLikeClientsSend()
    {
        var bytes = DnsMessageWriter.Query(0x1234, new DnsQuestion("pc01.fabrikam.test", DnsRecordType.A));

        // The same bytes the capture script sent for CapturedAnswers.Dnsmasq_A_pc01: header with RD, one question.
        Assert.Equal(Convert.FromHexString("123401000001000000000000" + "04706330310866616272696B616D047465737400" + "00010001"), bytes);
    }

    [Fact]
    public void Query_EchoedInTheCapturedAnswer()
    {
        var answer = DnsMessageReader.Read(CapturedAnswers.Bind_A_pc01);

        Assert.True(OobWizard.Probes.Dns.DnsWireClient.IsAnswerTo(answer, 0x1234, new DnsQuestion("PC01.Fabrikam.Test.", DnsRecordType.A)));
        Assert.False(OobWizard.Probes.Dns.DnsWireClient.IsAnswerTo(answer, 0x1235, new DnsQuestion("pc01.fabrikam.test", DnsRecordType.A)));
        Assert.False(OobWizard.Probes.Dns.DnsWireClient.IsAnswerTo(answer, 0x1234, new DnsQuestion("pc01.fabrikam.test", DnsRecordType.AAAA)));
        Assert.False(OobWizard.Probes.Dns.DnsWireClient.IsAnswerTo(answer, 0x1234, new DnsQuestion("pc02.fabrikam.test", DnsRecordType.A)));
    }

    [Fact]
    public void EveryRecordType_RoundTrips()
    {
        DnsRecord[] records =
        [
            new ARecord("a.test", 1, 300, IPAddress.Parse("192.0.2.1")),
            new AaaaRecord("a.test", 1, 300, IPAddress.Parse("2001:db8::1")),
            new CnameRecord("alias.test", 1, 120, "a.test"),
            new NsRecord("test", 1, 3600, "ns1.test"),
            new PtrRecord("1.2.0.192.in-addr.arpa", 1, 300, "a.test"),
            new SoaRecord("test", 1, 300, "ns1.test", "hostmaster.test", 1, 2, 3, 4, 5),
            new SrvRecord("_ldap._tcp.test", 1, 600, 0, 100, 389, "dc.test"),
            new TxtRecord("t.test", 1, 60, ["one", "two three", ""]),
            new UnknownRecord("u.test", (DnsRecordType)99, 1, 5, new byte[] { 9, 8 }),
        ];
        var message = new DnsMessage(new DnsHeader(7, 0x8400, 0, 0, 0, 0), [new DnsQuestion("a.test", DnsRecordType.ANY)], records, [], []);

        var back = DnsMessageReader.Read(DnsMessageWriter.Write(message));

        Assert.Equal(records.Select(r => r.ToString()), back.Answers.Select(r => r.ToString()));
        Assert.Equal(records.Select(r => r.GetType()), back.Answers.Select(r => r.GetType()));
        Assert.True(back.Header.Authoritative);
        Assert.Equal(9, back.Header.AnswerCount);
    }

    [Theory]
    [InlineData("a..test")]
    [InlineData("täst.test")]
    [InlineData("ends.with\\")]
    public void UnsendableNames_AreArgumentErrors(string name)
    {
        Assert.Throws<ArgumentException>(() => DnsMessageWriter.Query(1, new DnsQuestion(name, DnsRecordType.A)));
    }

    [Fact]
    public void LabelOf64Bytes_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => DnsName.ToLabels(new string('a', 64) + ".test"));

        Assert.Contains("64 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NameOver255WireBytes_IsRefused()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4)); // 4*64 + 1 = 257

        Assert.Throws<ArgumentException>(() => DnsName.ToLabels(name));
    }

    [Fact]
    public void EscapedLabelBytes_RoundTrip()
    {
        var message = new DnsMessage(new DnsHeader(1, 0, 0, 0, 0, 0), [new DnsQuestion("a\\.b\\032c.test", DnsRecordType.A)], [], [], []);

        var back = DnsMessageReader.Read(DnsMessageWriter.Write(message));

        Assert.Equal("a\\.b\\032c.test", back.Questions[0].Name);
        Assert.Equal(2, DnsName.ToLabels(back.Questions[0].Name).Count);
    }
}
