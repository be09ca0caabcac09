using System.Net.Sockets;

namespace OobWizard.Probes.Dns.Wire;

/// <summary>Encodes messages (RFC 1035 section 4.1): queries for the client, whole answers for tests.</summary>
public static class DnsMessageWriter
{
    /// <summary>A standard query (OPCODE 0) with one question and RD set as asked (RFC 1035 section 4.1.1).</summary>
    public static byte[] Query(ushort id, DnsQuestion question, bool recursionDesired = true)
    {
        var header = new DnsHeader(id, recursionDesired ? DnsHeader.RdBit : (ushort)0, 1, 0, 0, 0);
        return Write(new DnsMessage(header, [question], [], [], []));
    }

    /// <summary>Writes the message; the header's counts are taken from the sections, not from the header record.</summary>
    public static byte[] Write(DnsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var w = new DnsWriter();
        w.WriteUInt16(message.Header.Id);
        w.WriteUInt16(message.Header.Flags);
        w.WriteUInt16(Count(message.Questions.Count));
        w.WriteUInt16(Count(message.Answers.Count));
        w.WriteUInt16(Count(message.Authorities.Count));
        w.WriteUInt16(Count(message.Additionals.Count));
        foreach (var q in message.Questions)
        {
            w.WriteName(q.Name);
            w.WriteUInt16((ushort)q.Type);
            w.WriteUInt16(q.Class);
        }

        foreach (var r in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
        {
            WriteRecord(w, r);
        }

        return w.ToArray();
    }

    /// <summary>One resource record (RFC 1035 section 4.1.3) with RDLENGTH computed from the RDATA written.</summary>
    public static void WriteRecord(DnsWriter w, DnsRecord record)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(record);
        w.WriteName(record.Name);
        w.WriteUInt16((ushort)record.Type);
        w.WriteUInt16(record.Class);
        w.WriteUInt32(record.Ttl);
        var lengthAt = w.Position;
        w.WriteUInt16(0);
        var start = w.Position;
        switch (record)
        {
            case ARecord a:
                if (a.Address.AddressFamily != AddressFamily.InterNetwork)
                {
                    throw new ArgumentException("an A record needs an IPv4 address", nameof(record));
                }

                w.WriteBytes(a.Address.GetAddressBytes());
                break;
            case AaaaRecord aaaa:
                if (aaaa.Address.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    throw new ArgumentException("an AAAA record needs an IPv6 address", nameof(record));
                }

                w.WriteBytes(aaaa.Address.GetAddressBytes());
                break;
            case CnameRecord c:
                w.WriteName(c.Target);
                break;
            case NsRecord ns:
                w.WriteName(ns.Host);
                break;
            case PtrRecord p:
                w.WriteName(p.Target);
                break;
            case SoaRecord soa:
                w.WriteName(soa.PrimaryServer);
                w.WriteName(soa.ResponsibleMailbox);
                w.WriteUInt32(soa.Serial);
                w.WriteUInt32(soa.Refresh);
                w.WriteUInt32(soa.Retry);
                w.WriteUInt32(soa.Expire);
                w.WriteUInt32(soa.Minimum);
                break;
            case SrvRecord srv:
                w.WriteUInt16(srv.Priority);
                w.WriteUInt16(srv.Weight);
                w.WriteUInt16(srv.Port);
                w.WriteName(srv.Target);
                break;
            case TxtRecord txt:
                foreach (var s in txt.Strings)
                {
                    w.WriteCharacterString(s);
                }

                break;
            case UnknownRecord u:
                w.WriteBytes(u.Data.Span);
                break;
            default:
                throw new ArgumentException($"no encoder for {record.GetType().Name}", nameof(record));
        }

        var length = w.Position - start;
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException("RDATA longer than 65535 bytes", nameof(record));
        }

        w.PatchUInt16(lengthAt, (ushort)length);
    }

    private static ushort Count(int n) =>
        n <= ushort.MaxValue ? (ushort)n : throw new ArgumentException("more than 65535 entries in a section");
}
