using System.Diagnostics;
using System.Net;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Host;

namespace OobWizard.Probes.Dns;

/// <summary>
/// The DNS and host part of <c>oobwizard check</c>: which dns.* and host.* probes apply to a context,
/// run one after another like the AMT ones. A target given as an address has no name to check,
/// so then only the domain-based probes run, and only when <c>--domain</c> is given.
/// </summary>
public static class DnsCheck
{
    private static readonly string[] DomainOnly = ["dns.provision-alias", "dns.srv-dc"];

    /// <summary>Probes about the target's addresses: nothing to say when its name does not exist.</summary>
    private static readonly string[] NeedAddresses = ["dns.reverse", "dns.consistency", "host.address-order"];

    public static IReadOnlyList<IProbe> Applicable(ProbeContext context, DnsProbeOptions? dns = null, HostProbeOptions? host = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Target?.Trim();
        var hasName = !string.IsNullOrEmpty(target) && !IPAddress.TryParse(target.Trim('[', ']'), out _);
        if (hasName)
        {
            return [.. DnsProbes.All(dns), .. HostProbes.All(host)];
        }

        return string.IsNullOrWhiteSpace(context.Domain)
            ? []
            : DnsProbes.All(dns).Where(p => DomainOnly.Contains(p.Id)).ToList();
    }

    public static async Task<IReadOnlyList<AmtCheckEntry>> RunAsync(
        ProbeContext context, Action<AmtCheckEntry>? onResult = null, CancellationToken cancellationToken = default,
        DnsProbeOptions? dns = null, HostProbeOptions? host = null)
    {
        var probes = Applicable(context, dns, host);
        var runner = new ProbeRunner(probes);
        var entries = new List<AmtCheckEntry>();
        var nameMissing = false;
        foreach (var probe in probes)
        {
            // A name that does not exist is one finding (dns.forward); the probes about its addresses, and those
            // that would take a domain from that name alone, would only invent findings from it.
            if (nameMissing && (NeedAddresses.Contains(probe.Id) || (DomainOnly.Contains(probe.Id) && string.IsNullOrWhiteSpace(context.Domain))))
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            var result = await runner.RunAsync(probe.Id, context, cancellationToken).ConfigureAwait(false);
            var entry = new AmtCheckEntry(result, watch.Elapsed);
            nameMissing |= probe.Id == "dns.forward" && result.Verdict == "no-record";
            entries.Add(entry);
            onResult?.Invoke(entry);
        }

        return entries;
    }
}
