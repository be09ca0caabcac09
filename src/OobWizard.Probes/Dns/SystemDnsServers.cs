using DnsClient;

namespace OobWizard.Probes.Dns;

/// <summary>
/// The DNS servers this machine is configured with, "what this machine sees": DnsClient's
/// <see cref="NameServer.ResolveNameServers"/> (per interface, resolv.conf on Linux, and the Name
/// Resolution Policy Table on Windows), without its fallback to public resolvers, which would
/// answer for servers this machine does not use.
/// </summary>
public static class SystemDnsServers
{
    public static IReadOnlyList<DnsServerEndpoint> Get()
    {
        try
        {
            return NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false)
                .Select(n => new DnsServerEndpoint(n.Address, n.Port))
                .Distinct()
                .ToList();
        }
        catch (Exception ex) when (ex is InvalidOperationException or PlatformNotSupportedException or System.Net.NetworkInformation.NetworkInformationException)
        {
            // "Could not resolve any NameServers": none configured.
            return [];
        }
    }
}
