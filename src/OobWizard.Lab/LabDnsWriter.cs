using System.Buffers.Binary;
using System.Text;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Lab;

/// <summary>
/// Writes the lab DNS server's answers in the RFC 1035 section 4.1 wire format: header, the question
/// as the client sent it, then answer and authority records of the types a lab zone holds (A, AAAA,
/// CNAME, NS, PTR, SOA, SRV, as DnsClient's record classes). Names go uncompressed, which every
/// reader accepts (RFC 1035 section 4.1.4 makes compression optional). DnsClient is a client only,
/// so this is the one DNS writer the project keeps.
/// </summary>
public static class LabDnsWriter
{
    /// <summary>QR: a response (RFC 1035 section 4.1.1).</summary>
    public const ushort QrBit = 0x8000;

    /// <summary>AA: the answer comes from the server's own zone.</summary>
    public const ushort AaBit = 0x0400;

    /// <summary>RD: echoed from the query.</summary>
    public const ushort RdBit = 0x0100;

    private const ushort ClassIn = 1;

    /// <summary>One whole answer message.</summary>
    /// <param name="id">The query's id.</param>
    /// <param name="flags">QR, AA, RD and the RCODE in its low four bits.</param>
    /// <param name="question">The question section exactly as the query carried it (name, type, class).</param>
    /// <param name="answers">The answer section.</param>
    /// <param name="authority">The authority section (the SOA of a negative answer, RFC 2308 section 3).</param>
    /// <exception cref="NotSupportedException">A record of a type this writer does not know.</exception>
    public static byte[] Answer(ushort id, ushort flags, ReadOnlySpan<byte> question, IReadOnlyList<DnsResourceRecord> answers, IReadOnlyList<DnsResourceRecord> authority)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(authority);
        var message = new List<byte>(512);
        UInt16(message, id);
        UInt16(message, flags);
        UInt16(message, 1);
        UInt16(message, (ushort)answers.Count);
        UInt16(message, (ushort)authority.Count);
        UInt16(message, 0);
        message.AddRange(question.ToArray());
        foreach (var record in answers.Concat(authority))
        {
            Record(message, record);
        }

        return [.. message];
    }

    /// <summary>A question section entry (RFC 1035 section 4.1.2) for <paramref name="name"/>, class IN: for answers to another question in tests.</summary>
    public static byte[] Question(string name, QueryType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        var question = new List<byte>();
        Name(question, name);
        UInt16(question, (ushort)type);
        UInt16(question, ClassIn);
        return [.. question];
    }

    private static void Record(List<byte> message, DnsResourceRecord record)
    {
        Name(message, record.DomainName.Value);
        UInt16(message, (ushort)record.RecordType);
        UInt16(message, ClassIn);
        UInt32(message, unchecked((uint)record.InitialTimeToLive));
        var rdata = new List<byte>();
        switch (record)
        {
            case AddressRecord address:
                rdata.AddRange(address.Address.GetAddressBytes());
                break;
            case CNameRecord cname:
                Name(rdata, cname.CanonicalName.Value);
                break;
            case NsRecord ns:
                Name(rdata, ns.NSDName.Value);
                break;
            case PtrRecord ptr:
                Name(rdata, ptr.PtrDomainName.Value);
                break;
            case SoaRecord soa:
                Name(rdata, soa.MName.Value);
                Name(rdata, soa.RName.Value);
                foreach (var value in new[] { soa.Serial, soa.Refresh, soa.Retry, soa.Expire, soa.Minimum })
                {
                    UInt32(rdata, value);
                }

                break;
            case SrvRecord srv:
                UInt16(rdata, srv.Priority);
                UInt16(rdata, srv.Weight);
                UInt16(rdata, srv.Port);
                Name(rdata, srv.Target.Value);
                break;
            default:
                throw new NotSupportedException($"the lab DNS writer has no {record.RecordType} records");
        }

        UInt16(message, (ushort)rdata.Count);
        message.AddRange(rdata);
    }

    /// <summary>A name as length-prefixed labels and the root byte (RFC 1035 section 3.1); lab names are plain ASCII.</summary>
    private static void Name(List<byte> to, string name)
    {
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            to.Add((byte)bytes.Length);
            to.AddRange(bytes);
        }

        to.Add(0);
    }

    private static void UInt16(List<byte> to, ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        to.AddRange(b.ToArray());
    }

    private static void UInt32(List<byte> to, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        to.AddRange(b.ToArray());
    }
}
