namespace OobWizard.Probes.Dns;

/// <summary>The dns.* probes, for the lead to register with <see cref="ProbeRunner"/>.</summary>
public static class DnsProbes
{
    public static IReadOnlyList<IProbe> All(DnsProbeOptions? options = null)
    {
        options ??= new DnsProbeOptions();
        return
        [
            new DnsForwardProbe(options),
            new DnsReverseProbe(options),
            new DnsConsistencyProbe(options),
            new DnsProvisionAliasProbe(options),
            new DnsFqdnProbe(options),
            new DnsSrvDcProbe(options),
        ];
    }
}
