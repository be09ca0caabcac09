using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace OobWizard.Probes.Dns;

/// <summary>
/// dns.consistency: the system resolver, each configured server and the zone's authoritative
/// server (found through SOA and NS) give the same IPv4 addresses for the FQDN. A different
/// answer means a stale cache (client or non-authoritative server) or replication delay; the TTLs
/// say how long a stale answer can live.
/// </summary>
public sealed class DnsConsistencyProbe : DnsProbe
{
    public DnsConsistencyProbe(DnsProbeOptions options)
        : base(options)
    {
    }

    public override string Id => "dns.consistency";

    public override string Description => "The system resolver, each DNS server and the authoritative server give the same address for the FQDN";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "stale"];

    protected override async Task<ProbeResult> RunAsync(DnsProbeSession session, CancellationToken cancellationToken)
    {
        if (NameAndServers(session, out var name) is { } cannotAsk)
        {
            return cannotAsk;
        }

        var systemTask = Options.SystemResolver.ResolveAsync(name, cancellationToken);
        var answers = (await session.AskAllAsync(name, QueryType.A, cancellationToken).ConfigureAwait(false)).ToList();
        var (_, authServers) = await AuthoritativeServers.FindAsync(session, DnsProbeSession.Responsive(answers), name, cancellationToken).ConfigureAwait(false);
        var extra = authServers.Where(s => !session.Servers.Contains(s)).ToList();
        if (extra.Count > 0)
        {
            // The zone's own servers are asked for their own data only (RD clear), not for what they may have cached.
            answers.AddRange(await session.AskAsync(extra, name, QueryType.A, cancellationToken, recursion: false).ConfigureAwait(false));
        }

        var sources = answers.Where(DnsProbeSession.IsUsable).Select(r => new ConsistencySource(
            r.Server.ToString(),
            authServers.Contains(r.Server) && r.Authoritative,
            Set(DnsProbeSession.Addresses(r)),
            DnsAnswers.Final(r, QueryType.A).Select(DnsRecordText.Ttl).DefaultIfEmpty(0u).Max())).ToList();
        if (sources.Count == 0)
        {
            return ProbeResult.Inconclusive(Id, $"no server gave a usable answer for {name}", session.Evidence).Keyed("probe.dns.no-usable-answer", name);
        }

        var system = await systemTask.ConfigureAwait(false);
        var systemSet = Set(system.Addresses);
        session.Add("system resolver", system.Found
            ? $"{string.Join(", ", system.Addresses)} ({system.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms)"
            : $"not found ({system.Error}); it may use other servers than those asked");

        var authoritative = sources.Where(s => s.Authoritative).ToList();
        var reference = authoritative.FirstOrDefault() ?? sources[0];
        var referenceLabel = reference.Authoritative ? $"the authoritative server {reference.Label}" : reference.Label;
        var differing = sources.Where(s => s.Addresses != reference.Addresses).ToList();
        var findings = differing.Select(s => $"{s.Label} answers {Text(s.Addresses)} (TTL {s.MaxTtl})").ToList();
        var findingLines = string.Join("; ", differing.Select(s => $"{s.Label}: {Arg(s.Addresses)} (TTL {s.MaxTtl})"));
        var systemDiffers = system.Found && systemSet.Length > 0 && systemSet != reference.Addresses;
        if (systemDiffers)
        {
            findings.Add($"the system resolver answers {Text(systemSet)}");
        }

        if (findings.Count > 0)
        {
            var maxTtl = sources.Max(s => s.MaxTtl);
            return ProbeResult.Finding(Id, "stale",
                $"{string.Join("; ", findings)}, but {referenceLabel} answers {Text(reference.Addresses)}: a stale cache or replication delay (answers can be cached up to {maxTtl} s)",
                session.Evidence, "console.wireless-name-resolution")
                .Keyed(!systemDiffers ? ProbeLine.Of("probe.dns.consistency.stale", "", findingLines, reference.Label, Arg(reference.Addresses), maxTtl)
                    : differing.Count == 0 ? ProbeLine.Of("probe.dns.consistency.stale-system-only", "", Arg(systemSet), reference.Label, Arg(reference.Addresses), maxTtl)
                    : ProbeLine.Of("probe.dns.consistency.stale-system", "", findingLines, reference.Label, Arg(reference.Addresses), maxTtl, Arg(systemSet)));
        }

        var who = authoritative.Count > 0 ? $"{sources.Count} server(s), the authoritative one included" : $"{sources.Count} server(s) (no authoritative server found)";
        return ProbeResult.Pass(Id, $"{who}{(system.Found ? " and the system resolver" : string.Empty)} agree: {name} is {Text(reference.Addresses)}", session.Evidence)
            .Keyed("probe.dns.consistency.pass" + (authoritative.Count > 0 ? "-authoritative" : "") + (system.Found ? "-system" : ""), sources.Count, name, Arg(reference.Addresses));
    }

    private static string Set(IEnumerable<IPAddress> addresses) =>
        string.Join(",", addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork || a.IsIPv4MappedToIPv6)
            .Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)
            .Select(a => a.ToString()).Distinct().Order(StringComparer.Ordinal));

    /// <summary>An address set as a message argument ("-" for none).</summary>
    private static string Arg(string set) => set.Length == 0 ? "-" : set.Replace(",", ", ", StringComparison.Ordinal);

    private static string Text(string set) => set.Length == 0 ? "no address" : set.Replace(",", ", ", StringComparison.Ordinal);
}
