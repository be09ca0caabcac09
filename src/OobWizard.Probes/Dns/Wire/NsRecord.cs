namespace OobWizard.Probes.Dns.Wire;

/// <summary>NS: an authoritative name server for the owner zone (RFC 1035 section 3.3.11).</summary>
public sealed record NsRecord(string Name, ushort Class, uint Ttl, string Host)
    : DnsRecord(Name, DnsRecordType.NS, Class, Ttl)
{
    public override string DataText => Host;
}
