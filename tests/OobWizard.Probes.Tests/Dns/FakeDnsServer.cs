using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// A scripted DNS server on 127.0.0.1 (ephemeral port, UDP and TCP) for client tests: for each query
/// the script returns the datagrams (or TCP messages) to send back, which may be spoofed or broken.
/// </summary>
public sealed class FakeDnsServer : IDisposable
{
    private readonly UdpClient _udp;
    private readonly TcpListener _tcp;
    private readonly Func<byte[], bool, IEnumerable<byte[]>> _script;
    private readonly CancellationTokenSource _stop = new();

    public FakeDnsServer(Func<byte[], bool, IEnumerable<byte[]>> script)
    {
        _script = script;
        // The UDP port is ephemeral; the same TCP port may be taken by another test's socket, so try again.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
            var tcp = new TcpListener(IPAddress.Loopback, port);
            try
            {
                tcp.Start();
                (_udp, _tcp, Port) = (udp, tcp, port);
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 50)
            {
                udp.Dispose();
            }
        }

        _ = Task.Run(UdpLoopAsync);
        _ = Task.Run(TcpLoopAsync);
    }

    public int Port { get; }

    public int UdpQueries { get; private set; }

    public int TcpQueries { get; private set; }

    public int EmptyDatagrams { get; private set; }

    public string Endpoint => $"127.0.0.1:{Port}";

    private async Task UdpLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _udp.ReceiveAsync(_stop.Token);
                if (received.Buffer.Length == 0)
                {
                    EmptyDatagrams++; // the adapter's "is anything listening" check after silence, not a query
                    continue;
                }

                UdpQueries++;
                foreach (var datagram in _script(received.Buffer, false))
                {
                    await _udp.SendAsync(datagram, received.RemoteEndPoint, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task TcpLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _tcp.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var prefix = new byte[2];
                await stream.ReadExactlyAsync(prefix, _stop.Token);
                var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(query, _stop.Token);
                TcpQueries++;
                foreach (var message in _script(query, true))
                {
                    var framed = new byte[message.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
                    message.CopyTo(framed, 2);
                    await stream.WriteAsync(framed, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException or EndOfStreamException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        _tcp.Stop();
        _stop.Dispose();
    }
}
