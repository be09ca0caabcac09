namespace OobWizard.Probes.Dns.Wire;

/// <summary>RCODE values (RFC 1035 section 4.1.1).</summary>
public enum DnsResponseCode
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NXDomain = 3,
    NotImp = 4,
    Refused = 5,
}
