namespace OobWizard.Probes.Dns;

/// <summary>One server's answer as dns.consistency compares it: the sorted IPv4 set as text, and the longest TTL.</summary>
internal sealed record ConsistencySource(string Label, bool Authoritative, string Addresses, uint MaxTtl);
