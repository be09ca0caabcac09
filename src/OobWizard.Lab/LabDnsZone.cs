using System.Net;
using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Lab;

/// <summary>
/// The records the lab's DNS server answers for one device: the zone of the device's domain with
/// SOA/NS, the device's host record and PTR (and its operating system's name when that differs, as
/// after a rename), the ProvisionServer alias to the out-of-band service point, and the domain
/// controllers' SRV record. Names are compared without case and without the final dot.
/// </summary>
public sealed class LabDnsZone
{
    private const ushort In = DnsQuestion.ClassIn;
    private const uint Ttl = 300;
    private readonly Dictionary<(string Name, DnsRecordType Type), List<DnsRecord>> _records = new();

    public LabDnsZone(string zone, IPAddress nameServer)
    {
        Zone = Normalize(zone);
        Add(new SoaRecord(Zone, In, Ttl, "ns1." + Zone, "hostmaster." + Zone, 2026112201, 900, 300, 604800, Ttl));
        Add(new NsRecord(Zone, In, Ttl, "ns1." + Zone));
        Add(new ARecord("ns1." + Zone, In, Ttl, nameServer));
    }

    public string Zone { get; }

    /// <summary>The out-of-band service point's FQDN in this zone (ProvisionServer leads here).</summary>
    public string ServicePoint => "sccm01." + Zone;

    /// <summary>The zone a device's DNS server would serve: its domain, with the usual ConfigMgr names in it.</summary>
    public static LabDnsZone ForDevice(LabDeviceModel model, IPAddress device, IPAddress nameServer)
    {
        var zone = new LabDnsZone(model.DomainName, nameServer);
        // The name the console uses: the operating system's when it differs from AMT's (a renamed computer).
        var inUse = Normalize(model.HostOsFqdn ?? model.Fqdn);
        zone.AddHost(inUse, device);
        zone.Add(new CnameRecord("provisionserver." + zone.Zone, In, Ttl, zone.ServicePoint));
        zone.AddHost(zone.ServicePoint, IPAddress.Parse("127.77.0.2"));
        zone.Add(new SrvRecord("_ldap._tcp." + zone.Zone, In, Ttl, 0, 100, 389, "dc01." + zone.Zone));
        zone.AddHost("dc01." + zone.Zone, IPAddress.Parse("127.77.0.3"));
        return zone;
    }

    public void AddHost(string name, IPAddress address)
    {
        name = Normalize(name);
        Add(new ARecord(name, In, Ttl, address));
        Add(new PtrRecord(ReverseName(address), In, Ttl, name));
    }

    public void Add(DnsRecord record) =>
        (_records.TryGetValue((Normalize(record.Name), record.Type), out var list) ? list : _records[(Normalize(record.Name), record.Type)] = []).Add(record);

    /// <summary>The answer to one question, RFC 1035 style: records (following a CNAME), or NXDOMAIN / NODATA with the SOA.</summary>
    public (DnsResponseCode Code, IReadOnlyList<DnsRecord> Answers, IReadOnlyList<DnsRecord> Authority) Answer(DnsQuestion question)
    {
        var name = Normalize(question.Name);
        var answers = new List<DnsRecord>();
        for (var hops = 0; hops < 8; hops++)
        {
            if (_records.TryGetValue((name, question.Type), out var exact))
            {
                answers.AddRange(exact);
                return (DnsResponseCode.NoError, answers, []);
            }

            if (question.Type != DnsRecordType.CNAME && _records.TryGetValue((name, DnsRecordType.CNAME), out var alias))
            {
                answers.Add(alias[0]);
                name = Normalize(((CnameRecord)alias[0]).Target);
                continue;
            }

            break;
        }

        var soa = _records[(Zone, DnsRecordType.SOA)];
        var exists = _records.Keys.Any(k => k.Name == name);
        return (exists || answers.Count > 0 ? DnsResponseCode.NoError : DnsResponseCode.NXDomain, answers, soa);
    }

    public bool IsAuthoritativeFor(string name)
    {
        name = Normalize(name);
        return name == Zone || name.EndsWith("." + Zone, StringComparison.Ordinal) || name.EndsWith(".in-addr.arpa", StringComparison.Ordinal);
    }

    public static string ReverseName(IPAddress address) =>
        string.Join('.', address.GetAddressBytes().Reverse()) + ".in-addr.arpa";

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();
}
