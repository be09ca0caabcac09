using System.Net;
using System.Net.Sockets;

namespace OobWizard.Probes.Amt;

/// <summary>
/// The RMCP/ASF presence ping on UDP 623 (MeshCommander's amt-scanner packet; pong layout from the SDK Discovery
/// page, ../shared/reference/amt-wsman.md §1). AMT stays silent when RmcpPingResponseEnabled is false.
/// </summary>
public static class RmcpPing
{
    public static async Task<RmcpPong?> PingAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host, out var ip) ? [ip] : await System.Net.Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var target = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
        if (target is null) return null;
        using var udp = new UdpClient(target.AddressFamily);
        var tag = (byte)Random.Shared.Next(1, 255);
        byte[] ping = [0x06, 0x00, 0xFF, 0x06, 0x00, 0x00, 0x11, 0xBE, 0x80, tag, 0x00, 0x00];
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await udp.SendAsync(ping, new IPEndPoint(target, port), cts.Token).ConfigureAwait(false);
            while (true)
            {
                var received = await udp.ReceiveAsync(cts.Token).ConfigureAwait(false);
                if (Parse(received.Buffer, tag) is { } pong) return pong;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (SocketException)
        {
            // ICMP port unreachable shows up as ConnectionReset on Linux and Windows alike: nobody answers RMCP there.
            return null;
        }
    }

    /// <summary>Parses a pong; data byte n sits at packet offset 12 + n - 1. Null when it is not a pong to our tag.</summary>
    public static RmcpPong? Parse(ReadOnlySpan<byte> packet, byte tag)
    {
        if (packet.Length < 12 + 12 || packet[0] != 0x06 || packet[3] != 0x06 || packet[8] != 0x40 || packet[9] != tag) return null;
        var iana = (packet[12] << 24) | (packet[13] << 16) | (packet[14] << 8) | packet[15];
        var port = (packet[16] << 8) | packet[17];
        int major = packet[18] >> 4, minor = packet[18] & 0x0F;
        if (packet[18] == 0)
        {
            major = packet[22];
            minor = packet[23];
        }

        var dash = (packet[21] & 0x20) != 0;
        return new RmcpPong(iana, port, major, minor, packet[19], dash);
    }
}
