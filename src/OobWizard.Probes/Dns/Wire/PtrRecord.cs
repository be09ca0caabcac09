namespace OobWizard.Probes.Dns.Wire;

/// <summary>PTR: a pointer to another name, used for reverse lookups (RFC 1035 section 3.3.12).</summary>
public sealed record PtrRecord(string Name, ushort Class, uint Ttl, string Target)
    : DnsRecord(Name, DnsRecordType.PTR, Class, Ttl)
{
    public override string DataText => Target;
}
