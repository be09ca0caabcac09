using System.Net;

namespace OobWizard.Probes.Dns.Wire;

/// <summary>
/// Decodes a whole message (RFC 1035 section 4.1). Throws only <see cref="DnsFormatException"/>:
/// truncated data, bad names, and a record whose RDATA does not use exactly RDLENGTH bytes.
/// Types we do not decode are kept as <see cref="UnknownRecord"/>.
/// </summary>
public static class DnsMessageReader
{
    public static DnsMessage Read(ReadOnlyMemory<byte> data)
    {
        var reader = new DnsReader(data);
        if (data.Length < DnsHeader.Size)
        {
            throw new DnsFormatException($"message of {data.Length} bytes is shorter than the {DnsHeader.Size}-byte header", 0);
        }

        var header = new DnsHeader(
            reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadUInt16(),
            reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadUInt16());

        // Counts come from the sender; lists grow as records are actually read, never pre-sized by a count.
        var questions = new List<DnsQuestion>();
        for (var i = 0; i < header.QuestionCount; i++)
        {
            questions.Add(ReadQuestion(reader));
        }

        return new DnsMessage(
            header,
            questions,
            ReadSection(reader, header.AnswerCount),
            ReadSection(reader, header.AuthorityCount),
            ReadSection(reader, header.AdditionalCount));
    }

    /// <summary>Like <see cref="Read"/> but returns the error text instead of throwing.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out DnsMessage? message, out string? error)
    {
        try
        {
            message = Read(data);
            error = null;
            return true;
        }
        catch (DnsFormatException ex)
        {
            message = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Question entry: QNAME, QTYPE, QCLASS (RFC 1035 section 4.1.2).</summary>
    public static DnsQuestion ReadQuestion(DnsReader reader)
    {
        var name = reader.ReadName();
        var type = (DnsRecordType)reader.ReadUInt16();
        var cls = reader.ReadUInt16();
        return new DnsQuestion(name, type, cls);
    }

    private static List<DnsRecord> ReadSection(DnsReader reader, int count)
    {
        var records = new List<DnsRecord>();
        for (var i = 0; i < count; i++)
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    /// <summary>NAME, TYPE, CLASS, TTL, RDLENGTH, RDATA (RFC 1035 section 4.1.3).</summary>
    public static DnsRecord ReadRecord(DnsReader reader)
    {
        var start = reader.Position;
        var name = reader.ReadName();
        var type = (DnsRecordType)reader.ReadUInt16();
        var cls = reader.ReadUInt16();
        var ttl = reader.ReadUInt32();
        var rdLength = reader.ReadUInt16();
        var rdStart = reader.Position;
        var rdEnd = rdStart + rdLength;
        if (rdEnd > reader.Length)
        {
            throw new DnsFormatException($"RDLENGTH {rdLength} of {name} {DnsRecord.TypeText(type)} runs past the end of the message", start);
        }

        DnsRecord record = type switch
        {
            DnsRecordType.A => new ARecord(name, cls, ttl, ReadAddress(reader, rdLength, 4, type)),
            DnsRecordType.AAAA => new AaaaRecord(name, cls, ttl, ReadAddress(reader, rdLength, 16, type)),
            DnsRecordType.CNAME => new CnameRecord(name, cls, ttl, reader.ReadName(rdEnd)),
            DnsRecordType.NS => new NsRecord(name, cls, ttl, reader.ReadName(rdEnd)),
            DnsRecordType.PTR => new PtrRecord(name, cls, ttl, reader.ReadName(rdEnd)),
            DnsRecordType.SOA => ReadSoa(reader, name, cls, ttl, rdEnd),
            DnsRecordType.SRV => ReadSrv(reader, name, cls, ttl, rdEnd),
            DnsRecordType.TXT => ReadTxt(reader, name, cls, ttl, rdEnd),
            _ => new UnknownRecord(name, type, cls, ttl, reader.ReadBytes(rdLength).ToArray()),
        };

        if (reader.Position != rdEnd)
        {
            throw new DnsFormatException(
                $"{name} {DnsRecord.TypeText(type)}: RDLENGTH is {rdLength} but the RDATA used {reader.Position - rdStart} bytes", rdStart);
        }

        return record;
    }

    private static IPAddress ReadAddress(DnsReader reader, int rdLength, int expected, DnsRecordType type)
    {
        if (rdLength != expected)
        {
            throw new DnsFormatException($"{type} RDATA must be {expected} bytes, RDLENGTH is {rdLength}", reader.Position);
        }

        return new IPAddress(reader.ReadBytes(expected).Span);
    }

    // RFC 1035 section 3.3.13: MNAME, RNAME, SERIAL, REFRESH, RETRY, EXPIRE, MINIMUM.
    private static SoaRecord ReadSoa(DnsReader reader, string name, ushort cls, uint ttl, int rdEnd)
    {
        var mname = reader.ReadName(rdEnd);
        var rname = reader.ReadName(rdEnd);
        CheckFixed(reader, rdEnd, 20, "SOA");
        return new SoaRecord(name, cls, ttl, mname, rname,
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());
    }

    // RFC 2782: Priority, Weight, Port, Target (RFC 3597 section 4: accept a compressed target on receipt).
    private static SrvRecord ReadSrv(DnsReader reader, string name, ushort cls, uint ttl, int rdEnd)
    {
        CheckFixed(reader, rdEnd, 6, "SRV");
        var priority = reader.ReadUInt16();
        var weight = reader.ReadUInt16();
        var port = reader.ReadUInt16();
        return new SrvRecord(name, cls, ttl, priority, weight, port, reader.ReadName(rdEnd));
    }

    // RFC 1035 section 3.3.14: one or more <character-string>s filling the RDATA.
    private static TxtRecord ReadTxt(DnsReader reader, string name, ushort cls, uint ttl, int rdEnd)
    {
        var strings = new List<string>();
        while (reader.Position < rdEnd)
        {
            strings.Add(reader.ReadCharacterString(rdEnd));
        }

        return new TxtRecord(name, cls, ttl, strings);
    }

    private static void CheckFixed(DnsReader reader, int rdEnd, int size, string what)
    {
        if (reader.Position + size > rdEnd)
        {
            throw new DnsFormatException($"{what} RDATA too short for its {size} bytes of fixed fields", reader.Position);
        }
    }
}
