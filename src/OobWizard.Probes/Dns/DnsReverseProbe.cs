using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>
/// dns.reverse: the PTR record of each IPv4 address of the FQDN (in-addr.arpa, RFC 1035 section 3.5)
/// names the FQDN again. IPv6 PTRs (ip6.arpa, RFC 3596 section 2.5) are asked and shown but do not
/// decide: AMT of this era manages over IPv4.
/// </summary>
public sealed class DnsReverseProbe : DnsProbe
{
    public DnsReverseProbe(DnsProbeOptions options)
        : base(options)
    {
    }

    public override string Id => "dns.reverse";

    public override string Description => "Each address of the AMT computer's FQDN has a PTR record that names the FQDN";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "mismatch", "missing"];

    protected override async Task<ProbeResult> RunAsync(DnsProbeSession session, CancellationToken cancellationToken)
    {
        if (NameAndServers(session, out var name) is { } cannotAsk)
        {
            return cannotAsk;
        }

        var forward = await ForwardLookup.RunAsync(session, name, cancellationToken).ConfigureAwait(false);
        var addresses = forward.IPv4.Concat(forward.IPv6).ToList();
        if (addresses.Count == 0)
        {
            return ProbeResult.Inconclusive(Id, $"{name} has no address to look up in reverse (see dns.forward)", session.Evidence).Keyed("probe.dns.reverse.no-address", name);
        }

        var responsive = DnsProbeSession.Responsive(forward.A.Concat(forward.Aaaa));
        var missing = new List<IPAddress>();
        var mismatched = new List<string>();
        var matched = new List<IPAddress>();
        var unanswered = new List<IPAddress>();
        foreach (var address in addresses)
        {
            var results = await session.AskAsync(responsive, DnsName.ReverseName(address), QueryType.PTR, cancellationToken).ConfigureAwait(false);
            var usable = results.Where(DnsProbeSession.IsUsable).ToList();
            var targets = usable.SelectMany(r => DnsAnswers.Final(r, QueryType.PTR)).OfType<PtrRecord>()
                .Select(p => DnsName.Normalize(p.PtrDomainName.Value)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var decides = address.AddressFamily == AddressFamily.InterNetwork;
            if (usable.Count == 0)
            {
                if (decides)
                {
                    unanswered.Add(address);
                }
            }
            else if (targets.Count == 0)
            {
                session.Add(new Evidence($"PTR {address}", "no PTR record" + (decides ? string.Empty : " (IPv6: shown only)")).Keyed("evidence.label.ptr", address));
                if (decides)
                {
                    missing.Add(address);
                }
            }
            else if (targets.Any(t => DnsName.Equal(t, name)))
            {
                matched.Add(address);
            }
            else
            {
                session.Add(new Evidence($"PTR {address}", $"names {string.Join(", ", targets)}, not {name}" + (decides ? string.Empty : " (IPv6: shown only)")).Keyed("evidence.label.ptr", address));
                if (decides)
                {
                    mismatched.Add($"{address} -> {string.Join(", ", targets)}");
                }
            }
        }

        if (mismatched.Count > 0)
        {
            return ProbeResult.Finding(Id, "mismatch",
                $"the reverse record of {string.Join("; ", mismatched)} does not name {name}",
                session.Evidence, "prov.dns-dhcp", "console.wireless-name-resolution").Keyed("probe.dns.reverse.mismatch", string.Join("; ", mismatched), name);
        }

        if (missing.Count > 0)
        {
            return ProbeResult.Finding(Id, "missing",
                $"no PTR record for {string.Join(", ", missing)} ({name})", session.Evidence, "prov.dns-dhcp").Keyed("probe.dns.reverse.missing", string.Join(", ", missing), name);
        }

        if (matched.Count == 0 || unanswered.Count > 0)
        {
            return ProbeResult.Inconclusive(Id, $"no server gave a usable reverse answer for {string.Join(", ", unanswered)}", session.Evidence).Keyed("probe.dns.reverse.no-usable-answer", string.Join(", ", unanswered));
        }

        return ProbeResult.Pass(Id, $"the PTR of {string.Join(", ", matched)} names {name}", session.Evidence).Keyed("probe.dns.reverse.pass", string.Join(", ", matched), name);
    }
}
