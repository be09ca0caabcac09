namespace OobWizard.Probes.Host;

/// <summary>The host.* probes, for the lead to register with <see cref="ProbeRunner"/>.</summary>
public static class HostProbes
{
    public static IReadOnlyList<IProbe> All(HostProbeOptions? options = null)
    {
        options ??= new HostProbeOptions();
        return [new HostAddressOrderProbe(options), new HostProxyProbe(options)];
    }
}
