using System.Net;

namespace OobWizard.Probes.Dns;

/// <summary>What the system resolver returned, in its order, or why it returned nothing.</summary>
public sealed record SystemResolution(IReadOnlyList<IPAddress> Addresses, string? Error, TimeSpan Elapsed)
{
    public bool Found => Addresses.Count > 0;
}
