namespace OobWizard.Probes.Dns.Wire;

/// <summary>A whole message (RFC 1035 section 4.1): header, question, answer, authority and additional sections.</summary>
public sealed record DnsMessage(
    DnsHeader Header,
    IReadOnlyList<DnsQuestion> Questions,
    IReadOnlyList<DnsRecord> Answers,
    IReadOnlyList<DnsRecord> Authorities,
    IReadOnlyList<DnsRecord> Additionals);
