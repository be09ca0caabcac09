using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OobWizard.Probes.Dns;

/// <summary>Asks the OS through <see cref="System.Net.Dns"/>: its cache, hosts file and configured servers, in the OS's address order.</summary>
public sealed class RuntimeSystemResolver : ISystemResolver
{
    public async Task<SystemResolution> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(name, cancellationToken).ConfigureAwait(false);
            return new SystemResolution(addresses, null, stopwatch.Elapsed);
        }
        catch (SocketException ex)
        {
            return new SystemResolution([], $"{ex.SocketErrorCode}: {ex.Message}", stopwatch.Elapsed);
        }
        catch (ArgumentException ex)
        {
            return new SystemResolution(Array.Empty<IPAddress>(), ex.Message, stopwatch.Elapsed);
        }
    }
}
