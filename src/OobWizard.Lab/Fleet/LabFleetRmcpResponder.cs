using System.Net;
using System.Net.Sockets;

namespace OobWizard.Lab.Fleet;

/// <summary>
/// The RMCP presence ping for a whole fleet on one UDP socket: the datagram's destination address (IP_PKTINFO) says
/// which device was asked, and that device's model answers as <see cref="LabRmcpResponder"/> does for a single one.
/// Silent addresses, and devices with RmcpPingResponseEnabled off, say nothing. The pong leaves from the loopback
/// interface's own address rather than the device's; the probes' ping takes a pong from any source, as AMT's scanners do.
/// </summary>
internal sealed class LabFleetRmcpResponder : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Func<IPAddress, LabFleetDevice?> _lookup;
    private readonly int _httpPort;
    private readonly int _tlsPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LabFleetRmcpResponder(Socket socket, Func<IPAddress, LabFleetDevice?> lookup, int httpPort, int tlsPort)
    {
        _socket = socket;
        _lookup = lookup;
        _httpPort = httpPort;
        _tlsPort = tlsPort;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    private async Task LoopAsync()
    {
        var buffer = new byte[512];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult received;
            try
            {
                received = await _socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested) return;
                continue;
            }

            var b = buffer.AsSpan(0, received.ReceivedBytes);
            var isPing = b.Length >= 12 && b[0] == 0x06 && b[3] == 0x06 && b[4] == 0 && b[5] == 0 && b[6] == 0x11 && b[7] == 0xBE && b[8] == 0x80;
            if (!isPing || _lookup(received.PacketInformation.Address)?.Shared is not { } shared || !shared.Model.RmcpPingResponseEnabled) continue;
            var pong = LabRmcpResponder.Pong(b[9], shared.Model.TlsOnly ? _tlsPort : _httpPort, shared.Model.FirmwareVersion, shared.Model.ProvisioningState);
            try
            {
                await _socket.SendToAsync(pong, SocketFlags.None, received.RemoteEndPoint, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // A vanished peer is not the lab's problem.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
