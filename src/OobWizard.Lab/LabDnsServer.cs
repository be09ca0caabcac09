using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using OobWizard.Probes.Dns;

namespace OobWizard.Lab;

/// <summary>
/// The lab's DNS side: an authoritative-only server on one loopback address (UDP and TCP on the same
/// port, RFC 1035 section 4.2) answering from a <see cref="LabDnsZone"/>, so the demo's dns.* probes
/// send real packets without anything leaving the machine. No recursion, no forwarding.
/// </summary>
public sealed class LabDnsServer : IAsyncDisposable
{
    private const int HeaderLength = 12;
    private const ushort OpcodeMask = 0x7800;
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

    /// <summary>
    /// The answer bytes for one query, or null for anything that is not a standard query with one
    /// question (a response, another opcode, bytes DnsClient's reader cannot take): those get no answer.
    /// </summary>
    public byte[]? Respond(ReadOnlySpan<byte> query)
    {
        if (query.Length < HeaderLength)
        {
            return null;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(query);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        if ((flags & (LabDnsWriter.QrBit | OpcodeMask)) != 0 || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1)
        {
            return null;
        }

        string name;
        QueryType type;
        int questionEnd;
        try
        {
            // DnsClient's own reader takes the question apart (the name, then type and class).
            var reader = new DnsDatagramReader(new ArraySegment<byte>(query.ToArray()), HeaderLength);
            name = reader.ReadQuestionQueryString().Value;
            type = (QueryType)reader.ReadUInt16NetworkOrder();
            reader.ReadUInt16NetworkOrder();
            questionEnd = reader.Index;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the reader throws on hostile bytes must not end the server's loop.
            return null;
        }

        Queries++;
        var question = query[HeaderLength..questionEnd];
        var rd = (ushort)(flags & LabDnsWriter.RdBit);
        if (!Zone.IsAuthoritativeFor(name))
        {
            return LabDnsWriter.Answer(id, (ushort)(LabDnsWriter.QrBit | rd | (ushort)DnsHeaderResponseCode.Refused), question, [], []);
        }

        var (code, answers, authority) = Zone.Answer(name, type);
        return LabDnsWriter.Answer(id, (ushort)(LabDnsWriter.QrBit | LabDnsWriter.AaBit | rd | (ushort)code), question, answers, answers.Count == 0 ? authority : []);
    }

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
