namespace OobWizard.Probes.Dns.Wire;

/// <summary>Any type we do not decode, kept as raw RDATA (RFC 3597 section 5 presentation: <c>\# len hex</c>).</summary>
public sealed record UnknownRecord(string Name, DnsRecordType Type, ushort Class, uint Ttl, ReadOnlyMemory<byte> Data)
    : DnsRecord(Name, Type, Class, Ttl)
{
    public override string DataText => Data.Length == 0 ? "\\# 0" : $"\\# {Data.Length} {Convert.ToHexString(Data.Span)}";
}
