using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OobWizard.Probes.Host;

/// <summary>Facts about this host's own addresses.</summary>
public static class HostAddresses
{
    /// <summary>True when an interface that is up has an IPv6 address other than loopback, link-local or the old site-local.</summary>
    public static bool HasRoutableIpv6()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .Any(a => a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal && !a.IsIPv6SiteLocal &&
                          !a.IsIPv4MappedToIPv6 && !System.Net.IPAddress.IsLoopback(a));
        }
        catch (NetworkInformationException)
        {
            return false;
        }
    }
}
