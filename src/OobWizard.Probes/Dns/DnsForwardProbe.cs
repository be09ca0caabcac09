using System.Net;

namespace OobWizard.Probes.Dns;

/// <summary>
/// dns.forward: the AMT FQDN resolves at each server; every A and AAAA record is reported. More than
/// one IPv4 address means round robin, typically between the wired and the wireless address.
/// </summary>
public sealed class DnsForwardProbe : DnsProbe
{
    public DnsForwardProbe(DnsProbeOptions options)
        : base(options)
    {
    }

    public override string Id => "dns.forward";

    public override string Description => "The AMT computer's FQDN has host records (A/AAAA) in DNS, and only one IPv4 address";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "no-record", "multiple"];

    protected override async Task<ProbeResult> RunAsync(DnsProbeSession session, CancellationToken cancellationToken)
    {
        if (NameAndServers(session, out var name) is { } cannotAsk)
        {
            return cannotAsk;
        }

        var lookup = await ForwardLookup.RunAsync(session, name, cancellationToken).ConfigureAwait(false);
        if (lookup.UsableServers == 0)
        {
            return ProbeResult.Inconclusive(Id, $"no server gave a usable answer for {name}", session.Evidence).Keyed("probe.dns.no-usable-answer", name);
        }

        var v4 = lookup.IPv4;
        var v6 = lookup.IPv6;
        if (v4.Count == 0 && v6.Count == 0)
        {
            return ProbeResult.Finding(Id, "no-record",
                $"{name} has no host record at {Plural(lookup.UsableServers, "server")} ({lookup.RcodeText})",
                session.Evidence, "console.no-host-record", "prov.dns-dhcp")
                .Keyed(lookup.UsableServers == 1 ? "probe.dns.forward.no-record.one" : "probe.dns.forward.no-record.many", lookup.UsableServers, name, lookup.RcodeText);
        }

        // Round robin is several A records in one server's answer; servers that disagree with one
        // address each are dns.consistency's finding, not this one.
        var all = string.Join(", ", v4.Concat(v6));
        var roundRobin = lookup.A.Where(DnsProbeSession.IsUsable)
            .Select(r => (Server: r.Server, Addresses: DnsProbeSession.Addresses(r).Distinct().ToList()))
            .Where(x => x.Addresses.Count > 1)
            .OrderByDescending(x => x.Addresses.Count)
            .FirstOrDefault();
        if (roundRobin.Addresses is not null)
        {
            return ProbeResult.Finding(Id, "multiple",
                $"{name} has {roundRobin.Addresses.Count} IPv4 addresses at {roundRobin.Server} ({string.Join(", ", roundRobin.Addresses)}): round robin, for example between its wired and wireless address",
                session.Evidence, "console.wireless-name-resolution", "prov.dns-dhcp")
                .Keyed("probe.dns.forward.multiple", name, roundRobin.Addresses.Count, roundRobin.Server, string.Join(", ", roundRobin.Addresses));
        }

        if (v4.Count > 1)
        {
            return ProbeResult.Pass(Id, $"{name} resolves to one IPv4 address per server, but the servers differ ({all}): see dns.consistency", session.Evidence).Keyed("probe.dns.forward.differ", name, all);
        }

        return ProbeResult.Pass(Id, $"{name} resolves to {all}", session.Evidence).Keyed("probe.dns.forward.pass", name, all);
    }

    private static string Plural(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
