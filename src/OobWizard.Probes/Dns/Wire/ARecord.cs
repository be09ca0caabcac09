using System.Net;

namespace OobWizard.Probes.Dns.Wire;

/// <summary>A: a 32-bit IPv4 address (RFC 1035 section 3.4.1).</summary>
public sealed record ARecord(string Name, ushort Class, uint Ttl, IPAddress Address)
    : DnsRecord(Name, DnsRecordType.A, Class, Ttl)
{
    public override string DataText => Address.ToString();
}
