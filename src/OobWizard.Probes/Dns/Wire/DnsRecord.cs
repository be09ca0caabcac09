namespace OobWizard.Probes.Dns.Wire;

/// <summary>A resource record (RFC 1035 section 4.1.3); one subtype per RDATA layout.</summary>
public abstract record DnsRecord(string Name, DnsRecordType Type, ushort Class, uint Ttl)
{
    /// <summary>The RDATA in presentation form ("127.0.0.10", "0 100 389 dc01.fabrikam.test").</summary>
    public abstract string DataText { get; }

    /// <summary>A zone-file-like line, for evidence.</summary>
    public sealed override string ToString() => $"{Name} {Ttl} {TypeText(Type)} {DataText}";

    /// <summary>The mnemonic, or TYPEnnn for a type we do not know (RFC 3597 section 5).</summary>
    public static string TypeText(DnsRecordType type) =>
        Enum.IsDefined(type) ? type.ToString() : $"TYPE{(ushort)type}";
}
