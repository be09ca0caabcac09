using System.Buffers.Binary;
using System.Net;
using System.Text;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Lab;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>Answers for <see cref="FakeDnsServer"/> scripts, written with the lab's writer: right, spoofed, truncated or to another question.</summary>
public static class TestAnswers
{
    public const ushort TcBit = 0x0200;

    public static ushort Id(byte[] query) => BinaryPrimitives.ReadUInt16BigEndian(query);

    public static bool RecursionDesired(byte[] query) => (query[2] & 0x01) != 0;

    /// <summary>The question section of <paramref name="query"/> (name, type, class) as sent.</summary>
    public static byte[] QuestionOf(byte[] query)
    {
        var i = 12;
        while (query[i] != 0)
        {
            i += query[i] + 1;
        }

        return query[12..(i + 5)];
    }

    /// <summary>The question name of <paramref name="query"/>, labels joined by dots.</summary>
    public static string NameOf(byte[] query)
    {
        var labels = new List<string>();
        for (var i = 12; query[i] != 0; i += query[i] + 1)
        {
            labels.Add(Encoding.ASCII.GetString(query, i + 1, query[i]));
        }

        return string.Join('.', labels);
    }

    /// <summary>An authoritative answer with <paramref name="records"/> A records 192.0.2.N for the asked name.</summary>
    public static byte[] A(byte[] query, int records = 1, ushort? id = null, byte[]? question = null, ushort flags = LabDnsWriter.QrBit | LabDnsWriter.AaBit)
    {
        var name = NameOf(query);
        var answers = Enumerable.Range(1, records)
            .Select(i => (DnsResourceRecord)new ARecord(new ResourceRecordInfo(name, ResourceRecordType.A, QueryClass.IN, 300, 4), IPAddress.Parse($"192.0.2.{i}")))
            .ToList();
        return LabDnsWriter.Answer(id ?? Id(query), flags, question ?? QuestionOf(query), answers, []);
    }

    /// <summary>A truncated answer: TC set, one record of the many.</summary>
    public static byte[] Truncated(byte[] query) => A(query, 1, flags: LabDnsWriter.QrBit | LabDnsWriter.AaBit | TcBit);

    /// <summary>An answer to another question, with our id.</summary>
    public static byte[] ToAnotherQuestion(byte[] query, string name = "evil.test") => A(query, question: LabDnsWriter.Question(name, QueryType.A));

    /// <summary>A datagram with another id than the query's.</summary>
    public static byte[] Stray(byte[] query) => A(query, id: (ushort)(Id(query) ^ 0x5A5A));

    /// <summary>A captured answer (id 0x1234) with the query's id, so it answers this query.</summary>
    public static byte[] WithIdOf(byte[] captured, byte[] query)
    {
        var copy = (byte[])captured.Clone();
        if (copy.Length >= 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(copy, Id(query));
        }

        return copy;
    }
}
