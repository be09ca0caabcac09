namespace OobWizard.Probes.Dns.Wire;

/// <summary>CNAME: the canonical name of an alias (RFC 1035 section 3.3.1).</summary>
public sealed record CnameRecord(string Name, ushort Class, uint Ttl, string Target)
    : DnsRecord(Name, DnsRecordType.CNAME, Class, Ttl)
{
    public override string DataText => Target;
}
