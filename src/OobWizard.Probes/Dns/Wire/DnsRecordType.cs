namespace OobWizard.Probes.Dns.Wire;

/// <summary>TYPE values (RFC 1035 section 3.2.2, RFC 3596 section 2.1, RFC 2782, RFC 6891 section 6.1.1).</summary>
public enum DnsRecordType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    OPT = 41,
    ANY = 255,
}
