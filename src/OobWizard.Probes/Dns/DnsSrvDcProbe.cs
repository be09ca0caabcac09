using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>dns.srv-dc: the domain's controllers are published as <c>_ldap._tcp.&lt;domain&gt;</c> SRV records (RFC 2782).</summary>
public sealed class DnsSrvDcProbe : DnsProbe
{
    public DnsSrvDcProbe(DnsProbeOptions options)
        : base(options)
    {
    }

    public override string Id => "dns.srv-dc";

    public override string Description => "Domain controllers are found through _ldap._tcp.<domain> SRV records";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "missing"];

    protected override async Task<ProbeResult> RunAsync(DnsProbeSession session, CancellationToken cancellationToken)
    {
        var domain = !string.IsNullOrWhiteSpace(session.Context.Domain)
            ? DnsName.Normalize(session.Context.Domain.Trim())
            : session.TargetName(out _) is { } target ? DnsName.Parent(target) : null;
        if (domain is null)
        {
            return ProbeResult.Inconclusive(Id, "no domain: give --domain or --target FQDN", session.Evidence).Keyed("probe.dns.no-domain");
        }

        if (session.Servers.Count == 0)
        {
            return NoServers(session);
        }

        var name = $"_ldap._tcp.{domain}";
        var results = await session.AskAllAsync(name, QueryType.SRV, cancellationToken).ConfigureAwait(false);
        var usable = results.Where(DnsProbeSession.IsUsable).ToList();
        if (usable.Count == 0)
        {
            return ProbeResult.Inconclusive(Id, $"no server gave a usable answer for {name}", session.Evidence).Keyed("probe.dns.no-usable-answer", name);
        }

        var srv = usable.SelectMany(r => DnsAnswers.Final(r, QueryType.SRV)).OfType<SrvRecord>()
            .Select(s => (Target: DnsName.Normalize(s.Target.Value), s.Port, s.Priority, s.Weight))
            .DistinctBy(s => (s.Target.ToLowerInvariant(), s.Port))
            .OrderBy(s => s.Priority).ThenByDescending(s => s.Weight)
            .ToList();

        // RFC 2782: a single record with target "." means the service is decidedly not available.
        srv.RemoveAll(s => s.Target == DnsName.Root);
        if (srv.Count == 0)
        {
            return ProbeResult.Finding(Id, "missing", $"no domain controller is published as {name}", session.Evidence,
                "prov.disjoint-namespace", "prov.dns-dhcp").Keyed("probe.dns.srv-dc.missing", name);
        }

        var glue = usable.SelectMany(r => r.Additionals).OfType<ARecord>().ToList();
        var dcs = new List<string>();
        foreach (var s in srv)
        {
            var addresses = glue.Where(g => DnsName.Equal(g.DomainName.Value, s.Target)).Select(g => g.Address).Distinct().ToList();
            dcs.Add($"{s.Target}:{s.Port}" + (addresses.Count > 0 ? $" ({string.Join(", ", addresses)})" : string.Empty));
            session.Add(new Evidence($"DC {s.Target}", $"priority {s.Priority}, weight {s.Weight}, port {s.Port}" +
                (addresses.Count > 0 ? $", {string.Join(", ", addresses.Select(a => a.ToString()))}" : string.Empty)).Keyed("evidence.label.dc", s.Target));
        }

        return ProbeResult.Pass(Id, $"{srv.Count} domain controller(s) for {domain}: {string.Join(", ", dcs)}", session.Evidence)
            .Keyed(srv.Count == 1 ? "probe.dns.srv-dc.pass.one" : "probe.dns.srv-dc.pass.many", srv.Count, domain, string.Join(", ", dcs));
    }
}
