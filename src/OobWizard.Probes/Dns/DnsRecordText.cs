using System.Globalization;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>
/// DnsClient's records, types and response codes as the evidence shows them, in zone-file
/// presentation form (RFC 1035 section 5.1): names without the trailing dot, TTLs as the unsigned
/// 32-bit numbers on the wire, types and codes by their IANA mnemonics.
/// </summary>
public static class DnsRecordText
{
    /// <summary>The RDATA: "127.0.0.10", "0 100 389 dc01.fabrikam.test", "\"hello world\"".</summary>
    public static string Data(DnsResourceRecord record) => record switch
    {
        AddressRecord a => a.Address.ToString(),
        CNameRecord c => DnsName.Normalize(c.CanonicalName.Value),
        PtrRecord p => DnsName.Normalize(p.PtrDomainName.Value),
        NsRecord n => DnsName.Normalize(n.NSDName.Value),
        SoaRecord s => string.Create(CultureInfo.InvariantCulture,
            $"{DnsName.Normalize(s.MName.Value)} {DnsName.Normalize(s.RName.Value)} {s.Serial} {s.Refresh} {s.Retry} {s.Expire} {s.Minimum}"),
        SrvRecord s => string.Create(CultureInfo.InvariantCulture, $"{s.Priority} {s.Weight} {s.Port} {DnsName.Normalize(s.Target.Value)}"),
        TxtRecord t => string.Join(' ', t.EscapedText.Select(s => "\"" + s + "\"")),
        UnknownRecord u => u.Data.Count == 0 ? "\\# 0" : $"\\# {u.Data.Count.ToString(CultureInfo.InvariantCulture)} {Convert.ToHexString(u.Data.ToArray())}",
        _ => OtherData(record),
    };

    /// <summary>The owner name without the trailing dot.</summary>
    public static string Name(DnsResourceRecord record) => DnsName.Normalize(record.DomainName.Value);

    /// <summary>The TTL as sent (an unsigned 32-bit number, RFC 2181 section 8).</summary>
    public static uint Ttl(DnsResourceRecord record) => unchecked((uint)record.InitialTimeToLive);

    /// <summary>The type's mnemonic ("A", "SRV"), or TYPEnnn for one without a name (RFC 3597 section 5).</summary>
    public static string Type(ResourceRecordType type) =>
        Enum.IsDefined(type) ? type.ToString() : "TYPE" + ((int)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>The question type's mnemonic.</summary>
    public static string Type(QueryType type) =>
        Enum.IsDefined(type) ? type.ToString() : "TYPE" + ((int)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>The RCODE's mnemonic as dig prints it (RFC 1035 section 4.1.1, RFC 2136 section 2.2), or RCODEnn.</summary>
    public static string Rcode(DnsHeaderResponseCode code) => (int)code switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        6 => "YXDOMAIN",
        7 => "YXRRSET",
        8 => "NXRRSET",
        9 => "NOTAUTH",
        10 => "NOTZONE",
        var n => "RCODE" + n.ToString(CultureInfo.InvariantCulture),
    };

    // Any other type: DnsClient's own presentation, after "name ttl class type ".
    private static string OtherData(DnsResourceRecord record)
    {
        var text = record.ToString();
        var parts = text.Split(' ', 5);
        return parts.Length == 5 ? parts[4].Trim() : text;
    }
}
