using System.Net;
using System.Net.Sockets;

namespace OobWizard.Lab;

/// <summary>
/// Answers the RMCP/ASF presence ping (UDP, normally 623) with a pong carrying Intel's IANA number, the WS-Man port,
/// the firmware version nibbles and the provisioning state (layout: ../shared/reference/amt-wsman.md §1, from the
/// SDK Discovery page and MeshCommander's scanner). Silent when RmcpPingResponseEnabled is false, as AMT is.
/// </summary>
internal sealed class LabRmcpResponder : IAsyncDisposable
{
    private readonly UdpClient _udp;
    private readonly LabDeviceModel _model;
    private readonly int _wsmanPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LabRmcpResponder(IPAddress address, int port, LabDeviceModel model, int wsmanPort)
    {
        _udp = new UdpClient(new IPEndPoint(address, port));
        _model = model;
        _wsmanPort = wsmanPort;
        Port = ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public static byte[] Pong(byte tag, int wsmanPort, string firmwareVersion, int provisioningState)
    {
        var parts = firmwareVersion.Split('.');
        var major = parts.Length > 0 && int.TryParse(parts[0], out var ma) ? ma : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], out var mi) ? mi : 0;
        var packet = new byte[12 + 16];
        packet[0] = 0x06; packet[1] = 0x00; packet[2] = 0xFF; packet[3] = 0x06; // RMCP v1.0, no ack, class ASF
        packet[4] = 0x00; packet[5] = 0x00; packet[6] = 0x11; packet[7] = 0xBE; // IANA 4542 (ASF)
        packet[8] = 0x40; // presence pong
        packet[9] = tag;
        packet[11] = 16;
        // Data byte n is at packet offset 12 + n - 1.
        packet[12] = 0x00; packet[13] = 0x00; packet[14] = 0x01; packet[15] = 0x57; // IANA 343 (Intel)
        packet[16] = (byte)(wsmanPort >> 8); packet[17] = (byte)wsmanPort;
        if (major < 16 && minor < 16)
        {
            packet[18] = (byte)((major << 4) | minor);
        }
        else
        {
            packet[22] = (byte)major;
            packet[23] = (byte)minor;
        }

        packet[19] = (byte)provisioningState;
        return packet;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _udp.ReceiveAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested) return;
                continue;
            }

            var b = received.Buffer;
            var isPing = b.Length >= 12 && b[0] == 0x06 && b[3] == 0x06 && b[4] == 0 && b[5] == 0 && b[6] == 0x11 && b[7] == 0xBE && b[8] == 0x80;
            if (!isPing || !_model.RmcpPingResponseEnabled) continue;
            var pong = Pong(b[9], _wsmanPort, _model.FirmwareVersion, _model.ProvisioningState);
            try
            {
                await _udp.SendAsync(pong, received.RemoteEndPoint, _stop.Token).ConfigureAwait(false);
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
        _udp.Dispose();
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
