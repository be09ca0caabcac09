using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using OobWizard.Probes.Dns;
using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Lab;

/// <summary>
/// The lab's DNS side: an authoritative-only server on one loopback address (UDP and TCP on the same
/// port, RFC 1035 section 4.2) answering from a <see cref="LabDnsZone"/>, so the demo's dns.* probes
/// send real packets without anything leaving the machine. No recursion, no forwarding.
/// </summary>
public sealed class LabDnsServer : IAsyncDisposable
{
    private readonly UdpClient _udp;
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;

    private LabDnsServer(LabDnsZone zone, UdpClient udp, TcpListener tcp)
    {
        Zone = zone;
        _udp = udp;
        _tcp = tcp;
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        Endpoint = new DnsServerEndpoint(((IPEndPoint)udp.Client.LocalEndPoint!).Address.ToString(), port);
        _udpLoop = Task.Run(UdpLoopAsync);
        _tcpLoop = Task.Run(TcpLoopAsync);
    }

    public LabDnsZone Zone { get; }

    public DnsServerEndpoint Endpoint { get; }

    public int Queries { get; private set; }

    /// <summary>Starts on <paramref name="address"/> (loopback) with a free port shared by UDP and TCP.</summary>
    public static LabDnsServer Start(LabDnsZone zone, IPAddress address)
    {
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"the lab DNS server listens on loopback only, not {address}", nameof(address));
        }

        for (var attempt = 0; ; attempt++)
        {
            var udp = new UdpClient(new IPEndPoint(address, 0));
            var tcp = new TcpListener(address, ((IPEndPoint)udp.Client.LocalEndPoint!).Port);
            try
            {
                tcp.Start();
                return new LabDnsServer(zone, udp, tcp);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 50)
            {
                udp.Dispose();
            }
        }
    }

    /// <summary>The answer bytes for one query, or null for something that is not a query we answer.</summary>
    public byte[]? Respond(ReadOnlySpan<byte> query)
    {
        if (!DnsMessageReader.TryRead(query.ToArray(), out var message, out _) || message is null || message.Header.IsResponse || message.Questions.Count != 1)
        {
            return null;
        }

        Queries++;
        var question = message.Questions[0];
        var flags = (ushort)(DnsHeader.QrBit | (message.Header.Flags & DnsHeader.RdBit));
        if (!Zone.IsAuthoritativeFor(question.Name))
        {
            return Write(message, question, (ushort)(flags | (ushort)DnsResponseCode.Refused), [], []);
        }

        var (code, answers, authority) = Zone.Answer(question);
        return Write(message, question, (ushort)(flags | DnsHeader.AaBit | (ushort)code), answers, answers.Count == 0 ? authority : []);
    }

    private static byte[] Write(DnsMessage query, DnsQuestion question, ushort flags, IReadOnlyList<DnsRecord> answers, IReadOnlyList<DnsRecord> authority) =>
        DnsMessageWriter.Write(new DnsMessage(
            new DnsHeader(query.Header.Id, flags, 1, (ushort)answers.Count, (ushort)authority.Count, 0),
            [question],
            answers,
            authority,
            []));

    private async Task UdpLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _udp.ReceiveAsync(_stop.Token).ConfigureAwait(false);
                if (Respond(received.Buffer) is { } answer)
                {
                    await _udp.SendAsync(answer, received.RemoteEndPoint, _stop.Token).ConfigureAwait(false);
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
                var client = await _tcp.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                _ = Task.Run(() => ServeTcpAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    // RFC 1035 section 4.2.2: each message is preceded by its two-byte length.
    private async Task ServeTcpAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var stream = client.GetStream();
                var length = new byte[2];
                await stream.ReadExactlyAsync(length, timeout.Token).ConfigureAwait(false);
                var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
                await stream.ReadExactlyAsync(query, timeout.Token).ConfigureAwait(false);
                if (Respond(query) is { } answer)
                {
                    var framed = new byte[answer.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)answer.Length);
                    answer.CopyTo(framed, 2);
                    await stream.WriteAsync(framed, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or EndOfStreamException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _udp.Dispose();
        _tcp.Stop();
        await Task.WhenAll(_udpLoop, _tcpLoop).ConfigureAwait(false);
        _stop.Dispose();
    }
}
