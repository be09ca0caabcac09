using System.Net;

namespace OobWizard.Probes.Dns.Wire;

/// <summary>AAAA: a 128-bit IPv6 address (RFC 3596 section 2.2).</summary>
public sealed record AaaaRecord(string Name, ushort Class, uint Ttl, IPAddress Address)
    : DnsRecord(Name, DnsRecordType.AAAA, Class, Ttl)
{
    public override string DataText => Address.ToString();
}
