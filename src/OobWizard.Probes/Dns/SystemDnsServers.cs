using System.Net.NetworkInformation;

namespace OobWizard.Probes.Dns;

/// <summary>The DNS servers the OS is configured with (per interface on Windows, resolv.conf on Linux, through the runtime).</summary>
public static class SystemDnsServers
{
    public static IReadOnlyList<DnsServerEndpoint> Get()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
                .SelectMany(n => n.GetIPProperties().DnsAddresses)
                .Distinct()
                .Select(a => DnsServerEndpoint.FromAddress(a))
                .ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
        catch (PlatformNotSupportedException)
        {
            return [];
        }
    }
}
