using System.Net;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Probes.Dns;

namespace OobWizard.Lab;

/// <summary>
/// The records the lab's DNS server answers for one device: the zone of the device's domain with
/// SOA/NS, the device's host record and PTR (and its operating system's name when that differs, as
/// after a rename), the ProvisionServer alias to the out-of-band service point, and the domain
/// controllers' SRV record. Names are compared without case and without the final dot.
/// </summary>
public sealed class LabDnsZone
{
    private const int Ttl = 300;
    private readonly Dictionary<(string Name, ResourceRecordType Type), List<DnsResourceRecord>> _records = new();

    public LabDnsZone(string zone, IPAddress nameServer)
    {
        Zone = Normalize(zone);
        Add(new SoaRecord(Info(Zone, ResourceRecordType.SOA), DnsString.Parse("ns1." + Zone), DnsString.Parse("hostmaster." + Zone), 2026112201, 900, 300, 604800, Ttl));
        Add(new NsRecord(Info(Zone, ResourceRecordType.NS), DnsString.Parse("ns1." + Zone)));
        Add(new ARecord(Info("ns1." + Zone, ResourceRecordType.A), nameServer));
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
        zone.Add(new CNameRecord(Info("provisionserver." + zone.Zone, ResourceRecordType.CNAME), DnsString.Parse(zone.ServicePoint)));
        zone.AddHost(zone.ServicePoint, IPAddress.Parse("127.77.0.2"));
        zone.Add(new SrvRecord(Info("_ldap._tcp." + zone.Zone, ResourceRecordType.SRV), 0, 100, 389, DnsString.Parse("dc01." + zone.Zone)));
        zone.AddHost("dc01." + zone.Zone, IPAddress.Parse("127.77.0.3"));
        return zone;
    }

    public void AddHost(string name, IPAddress address)
    {
        name = Normalize(name);
        Add(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? new ARecord(Info(name, ResourceRecordType.A), address)
            : new AaaaRecord(Info(name, ResourceRecordType.AAAA), address));
        Add(new PtrRecord(Info(DnsName.ReverseName(address), ResourceRecordType.PTR), DnsString.Parse(name)));
    }

    public void Add(DnsResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = (Normalize(record.DomainName.Value), record.RecordType);
        (_records.TryGetValue(key, out var list) ? list : _records[key] = []).Add(record);
    }

    /// <summary>The answer to one question, RFC 1035 style: records (following a CNAME), or NXDOMAIN / NODATA with the SOA.</summary>
    public (DnsHeaderResponseCode Code, IReadOnlyList<DnsResourceRecord> Answers, IReadOnlyList<DnsResourceRecord> Authority) Answer(string questionName, QueryType type)
    {
        ArgumentNullException.ThrowIfNull(questionName);
        var name = Normalize(questionName);
        var answers = new List<DnsResourceRecord>();
        for (var hops = 0; hops < 8; hops++)
        {
            if (_records.TryGetValue((name, (ResourceRecordType)type), out var exact))
            {
                answers.AddRange(exact);
                return (DnsHeaderResponseCode.NoError, answers, []);
            }

            if (type != QueryType.CNAME && _records.TryGetValue((name, ResourceRecordType.CNAME), out var alias))
            {
                answers.Add(alias[0]);
                name = Normalize(((CNameRecord)alias[0]).CanonicalName.Value);
                continue;
            }

            break;
        }

        var soa = _records[(Zone, ResourceRecordType.SOA)];
        var exists = _records.Keys.Any(k => k.Name == name);
        return (exists || answers.Count > 0 ? DnsHeaderResponseCode.NoError : DnsHeaderResponseCode.NotExistentDomain, answers, soa);
    }

    public bool IsAuthoritativeFor(string name)
    {
        name = Normalize(name);
        return name == Zone || name.EndsWith("." + Zone, StringComparison.Ordinal) || name.EndsWith(".in-addr.arpa", StringComparison.Ordinal) || name.EndsWith(".ip6.arpa", StringComparison.Ordinal);
    }

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    private static ResourceRecordInfo Info(string name, ResourceRecordType type) => new(name, type, QueryClass.IN, Ttl, 0);
}
