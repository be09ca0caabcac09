namespace OobWizard.Probes.Dns.Wire;

/// <summary>SRV: the location of a service (RFC 2782, "The format of the SRV RR").</summary>
public sealed record SrvRecord(string Name, ushort Class, uint Ttl, ushort Priority, ushort Weight, ushort Port, string Target)
    : DnsRecord(Name, DnsRecordType.SRV, Class, Ttl)
{
    public override string DataText => $"{Priority} {Weight} {Port} {Target}";
}
