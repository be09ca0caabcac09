namespace OobWizard.Probes.Dns.Wire;

/// <summary>One entry of the question section (RFC 1035 section 4.1.2).</summary>
public sealed record DnsQuestion(string Name, DnsRecordType Type, ushort Class = DnsQuestion.ClassIn)
{
    /// <summary>CLASS IN (RFC 1035 section 3.2.4).</summary>
    public const ushort ClassIn = 1;

    /// <summary>Same question, names compared case-insensitively (RFC 4343 section 3).</summary>
    public bool Matches(DnsQuestion other) =>
        Type == other.Type && Class == other.Class && DnsName.Equal(Name, other.Name);

    public override string ToString() => $"{Name} {Type}";
}
