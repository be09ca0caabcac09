namespace OobWizard.Probes.Dns;

/// <summary>The operating system's view of a name (getaddrinfo / DnsQuery through the runtime), to compare with the servers'.</summary>
public interface ISystemResolver
{
    Task<SystemResolution> ResolveAsync(string name, CancellationToken cancellationToken);
}
