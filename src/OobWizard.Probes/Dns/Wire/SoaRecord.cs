namespace OobWizard.Probes.Dns.Wire;

/// <summary>SOA: start of a zone of authority (RFC 1035 section 3.3.13).</summary>
public sealed record SoaRecord(
    string Name, ushort Class, uint Ttl,
    string PrimaryServer, string ResponsibleMailbox, uint Serial, uint Refresh, uint Retry, uint Expire, uint Minimum)
    : DnsRecord(Name, DnsRecordType.SOA, Class, Ttl)
{
    public override string DataText => $"{PrimaryServer} {ResponsibleMailbox} {Serial} {Refresh} {Retry} {Expire} {Minimum}";
}
