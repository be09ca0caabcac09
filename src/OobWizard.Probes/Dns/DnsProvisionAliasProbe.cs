using System.Net;
using DnsClient;

namespace OobWizard.Probes.Dns;

/// <summary>
/// dns.provision-alias: <c>ProvisionServer.&lt;domain suffix&gt;</c> resolves, and when
/// <c>--service-point</c> is given, leads to that out-of-band service point (through its CNAME
/// chain or to one of its addresses).
/// </summary>
public sealed class DnsProvisionAliasProbe : DnsProbe
{
    public DnsProvisionAliasProbe(DnsProbeOptions options)
        : base(options)
    {
    }

    public override string Id => "dns.provision-alias";

    public override string Description => "ProvisionServer.<domain suffix> resolves to the out-of-band service point";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "missing", "wrong-target"];

    protected override async Task<ProbeResult> RunAsync(DnsProbeSession session, CancellationToken cancellationToken)
    {
        var target = session.TargetName(out _);
        var suffix = (target is null ? null : DnsName.Parent(target)) ?? NonEmpty(session.Context.Domain);
        if (suffix is null)
        {
            return ProbeResult.Inconclusive(Id, "no domain suffix: give --target FQDN or --domain", session.Evidence).Keyed("probe.dns.no-suffix");
        }

        if (session.Servers.Count == 0)
        {
            return NoServers(session);
        }

        var alias = $"ProvisionServer.{DnsName.Normalize(suffix)}";
        var results = await session.AskAllAsync(alias, QueryType.A, cancellationToken).ConfigureAwait(false);
        var usable = results.Where(DnsProbeSession.IsUsable).ToList();
        if (usable.Count == 0)
        {
            return ProbeResult.Inconclusive(Id, $"no server gave a usable answer for {alias}", session.Evidence).Keyed("probe.dns.no-usable-answer", alias);
        }

        var chain = usable.SelectMany(r => DnsAnswers.Chain(r.Answers, alias)).Select(DnsAnswers.Target).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var addresses = usable.SelectMany(DnsProbeSession.Addresses).Distinct().ToList();
        if (addresses.Count == 0)
        {
            return ProbeResult.Finding(Id, "missing", $"{alias} does not resolve", session.Evidence, "prov.provisionserver-alias-missing").Keyed("probe.dns.alias.missing", alias);
        }

        var leadsTo = chain.Count > 0 ? $"{string.Join(" -> ", chain)} ({string.Join(", ", addresses)})" : string.Join(", ", addresses);
        var servicePoint = NonEmpty(session.Context.ServicePoint);
        if (servicePoint is null)
        {
            return ProbeResult.Pass(Id, $"{alias} resolves to {leadsTo}; give --service-point to check where it leads", session.Evidence).Keyed("probe.dns.alias.pass-unchecked", alias, leadsTo);
        }

        if (chain.Any(c => DnsName.Equal(c, servicePoint)))
        {
            return ProbeResult.Pass(Id, $"{alias} is an alias of the service point {servicePoint}", session.Evidence).Keyed("probe.dns.alias.pass-alias", alias, servicePoint);
        }

        var spAddresses = IPAddress.TryParse(servicePoint, out var spAddress)
            ? [spAddress]
            : (await session.AskAsync(DnsProbeSession.Responsive(results), servicePoint, QueryType.A, cancellationToken).ConfigureAwait(false))
                .Where(DnsProbeSession.IsUsable).SelectMany(DnsProbeSession.Addresses).Distinct().ToList();
        if (spAddresses.Intersect(addresses).Any())
        {
            return ProbeResult.Pass(Id, $"{alias} resolves to the service point's address ({string.Join(", ", spAddresses.Intersect(addresses))})", session.Evidence).Keyed("probe.dns.alias.pass-address", alias, string.Join(", ", spAddresses.Intersect(addresses)));
        }

        var spText = spAddresses.Count == 0 ? "which does not resolve" : $"at {string.Join(", ", spAddresses)}";
        return ProbeResult.Finding(Id, "wrong-target",
            $"{alias} leads to {leadsTo}, not to the service point {servicePoint} {spText}",
            session.Evidence, "prov.provisionserver-alias-missing")
            .Keyed(spAddresses.Count == 0 ? ProbeLine.Of("probe.dns.alias.wrong-target-unresolved", "", alias, leadsTo, servicePoint) : ProbeLine.Of("probe.dns.alias.wrong-target", "", alias, leadsTo, servicePoint, string.Join(", ", spAddresses)));
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
