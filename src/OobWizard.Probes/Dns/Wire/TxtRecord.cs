namespace OobWizard.Probes.Dns.Wire;

/// <summary>TXT: one or more character-strings (RFC 1035 section 3.3.14); decoded as UTF-8, invalid bytes replaced.</summary>
public sealed record TxtRecord(string Name, ushort Class, uint Ttl, IReadOnlyList<string> Strings)
    : DnsRecord(Name, DnsRecordType.TXT, Class, Ttl)
{
    public override string DataText => string.Join(' ', Strings.Select(s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
}
