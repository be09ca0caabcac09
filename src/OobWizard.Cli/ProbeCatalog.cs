using OobWizard.Probes;
using OobWizard.Probes.ActiveDirectory;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Certificates;
using OobWizard.Probes.Dns;
using OobWizard.Probes.Host;

namespace OobWizard.Cli;

/// <summary>Every live probe this build has. Add a probe area here when it lands.</summary>
public static class ProbeCatalog
{
    /// <param name="amt">Ports and bounds for the AMT probes (a lab device listens on its own ports).</param>
    /// <param name="dns">DNS probe settings (the demo swaps the OS resolver for the lab's).</param>
    /// <param name="host">Host probe settings, likewise.</param>
    /// <remarks>The ad.* probes find domain controllers through the same DNS settings (the demo's stay in the lab).</remarks>
    public static IReadOnlyList<IProbe> All(AmtProbeOptions? amt = null, DnsProbeOptions? dns = null, HostProbeOptions? host = null) =>
        [.. AmtProbes.All(amt), .. DnsProbes.All(dns), .. HostProbes.All(host), .. CertificateProbes.All(),
         .. DirectoryProbes.All(new DirectoryProbeOptions { Dns = dns ?? new DnsProbeOptions(), Amt = amt ?? AmtProbeOptions.Default })];

    public static ProbeRunner Runner(AmtProbeOptions? amt = null, DnsProbeOptions? dns = null, HostProbeOptions? host = null) => new(All(amt, dns, host));

    /// <summary>probe id -> verdicts, for lint.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Verdicts() =>
        All().ToDictionary(p => p.Id, p => p.Verdicts, StringComparer.Ordinal);
}
