namespace OobWizard.Probes.Dns;

/// <summary>What the DNS probes use besides the <see cref="ProbeContext"/>; tests replace the system parts.</summary>
public sealed class DnsProbeOptions
{
    /// <summary>Asks the servers: DnsClient's LookupClient with its gaps closed.</summary>
    public DnsClientAdapter Client { get; init; } = new();

    /// <summary>The OS resolver, compared with the servers by dns.consistency.</summary>
    public ISystemResolver SystemResolver { get; init; } = new RuntimeSystemResolver();

    /// <summary>Servers used when <see cref="ProbeContext.DnsServers"/> is empty.</summary>
    public Func<IReadOnlyList<DnsServerEndpoint>> SystemServers { get; init; } = SystemDnsServers.Get;
}
