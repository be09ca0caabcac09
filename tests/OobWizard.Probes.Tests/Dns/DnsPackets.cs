using System.Buffers.Binary;
using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>Hand-built byte arrays for malformed-packet tests.</summary>
public static class DnsPackets
{
    /// <summary>A record with raw RDATA bytes and RDLENGTH equal to their count (or <paramref name="rdLength"/>).</summary>
    public static byte[] Record(string name, DnsRecordType type, byte[] rdata, int? rdLength = null)
    {
        var w = new DnsWriter();
        w.WriteName(name);
        w.WriteUInt16((ushort)type);
        w.WriteUInt16(1);
        w.WriteUInt32(60);
        w.WriteUInt16((ushort)(rdLength ?? rdata.Length));
        w.WriteBytes(rdata);
        return w.ToArray();
    }

    /// <summary>A 12-byte header with the given counts, response bit set.</summary>
    public static byte[] Header(ushort qd, ushort an, ushort ns = 0, ushort ar = 0, ushort id = 0x1234, ushort flags = 0x8180)
    {
        var b = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(0), id);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(4), qd);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(6), an);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(8), ns);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(10), ar);
        return b;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
