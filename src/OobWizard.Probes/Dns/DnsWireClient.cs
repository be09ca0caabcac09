using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Probes.Dns;

/// <summary>
/// A stub client that asks one server one question: UDP first (RFC 1035 section 4.2.1), the same
/// question again over TCP when the answer has TC set (section 4.2.2). The transaction id is random
/// and checked, and the answer's question must match ours (RFC 5452 section 9.1); mismatching
/// datagrams are dropped, not believed. Never throws for network or format trouble: that is an
/// error in the <see cref="DnsQueryResult"/>. Only the caller's cancellation escapes.
/// </summary>
public sealed class DnsWireClient
{
    /// <summary>Largest UDP answer without EDNS (RFC 1035 section 4.2.1); we read up to 64 KiB anyway.</summary>
    private const int ReceiveBufferSize = 65535;

    public DnsWireClient(TimeSpan? attemptTimeout = null, int udpAttempts = 2)
    {
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(2);
        UdpAttempts = Math.Max(1, udpAttempts);
    }

    public TimeSpan AttemptTimeout { get; }

    public int UdpAttempts { get; }

    /// <summary>Asks with RD set, as a stub resolver does; authoritative servers ignore RD.</summary>
    public async Task<DnsQueryResult> QueryAsync(DnsServerEndpoint server, string name, DnsRecordType type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var question = new DnsQuestion(DnsName.Normalize(name), type);
        var stopwatch = Stopwatch.StartNew();
        byte[] query;
        var id = (ushort)RandomNumberGenerator.GetInt32(0, 65536);
        try
        {
            query = DnsMessageWriter.Query(id, question);
        }
        catch (ArgumentException ex)
        {
            return new DnsQueryResult(server, question, null, $"cannot ask: {ex.Message}", "none", stopwatch.Elapsed);
        }

        IPEndPoint endpoint;
        try
        {
            endpoint = await ResolveAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return new DnsQueryResult(server, question, null, $"cannot find server {server.Host}: {ex.Message}", "none", stopwatch.Elapsed);
        }

        var udp = await UdpAsync(server, endpoint, id, question, query, stopwatch, cancellationToken).ConfigureAwait(false);
        if (udp.Response is { Header.Truncated: true })
        {
            var tcp = await TcpAsync(server, endpoint, id, question, query, stopwatch, cancellationToken).ConfigureAwait(false);
            return tcp with { Transport = "udp+tcp", IgnoredDatagrams = udp.IgnoredDatagrams };
        }

        return udp;
    }

    /// <summary>Asks over TCP only (RFC 1035 section 4.2.2), for tests and for answers known to be large.</summary>
    public async Task<DnsQueryResult> QueryTcpAsync(DnsServerEndpoint server, string name, DnsRecordType type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var question = new DnsQuestion(DnsName.Normalize(name), type);
        var stopwatch = Stopwatch.StartNew();
        var id = (ushort)RandomNumberGenerator.GetInt32(0, 65536);
        byte[] query;
        IPEndPoint endpoint;
        try
        {
            query = DnsMessageWriter.Query(id, question);
            endpoint = await ResolveAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return new DnsQueryResult(server, question, null, ex.Message, "none", stopwatch.Elapsed);
        }

        return await TcpAsync(server, endpoint, id, question, query, stopwatch, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IPEndPoint> ResolveAsync(DnsServerEndpoint server, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(server.Host, out var address))
        {
            return new IPEndPoint(address, server.Port);
        }

        // A server given by name is found through the system's resolver, as any client would.
        var addresses = await System.Net.Dns.GetHostAddressesAsync(server.Host, cancellationToken).ConfigureAwait(false);
        var first = addresses.FirstOrDefault() ?? throw new ArgumentException("no address");
        return new IPEndPoint(first, server.Port);
    }

    private async Task<DnsQueryResult> UdpAsync(
        DnsServerEndpoint server, IPEndPoint endpoint, ushort id, DnsQuestion question, byte[] query, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var ignored = 0;
        string? lastError = null;
        try
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            // Connected: the kernel drops datagrams from any other address and reports ICMP port unreachable.
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[ReceiveBufferSize];
            for (var attempt = 0; attempt < UdpAttempts; attempt++)
            {
                await socket.SendAsync(query, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(AttemptTimeout);
                try
                {
                    while (true)
                    {
                        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                        var data = buffer.AsMemory(0, received).ToArray();
                        if (received < 2 || BinaryPrimitives.ReadUInt16BigEndian(data) != id)
                        {
                            ignored++; // not an answer to us (RFC 5452 section 9.1): keep waiting
                            continue;
                        }

                        if (!DnsMessageReader.TryRead(data, out var message, out var error))
                        {
                            return new DnsQueryResult(server, question, null, $"malformed answer: {error}", "udp", stopwatch.Elapsed) { IgnoredDatagrams = ignored };
                        }

                        if (!IsAnswerTo(message!, id, question))
                        {
                            ignored++;
                            continue;
                        }

                        return new DnsQueryResult(server, question, message, null, "udp", stopwatch.Elapsed) { IgnoredDatagrams = ignored };
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    lastError = $"no answer within {AttemptTimeout.TotalSeconds:0.#} s ({attempt + 1} of {UdpAttempts} tries)";
                }
            }
        }
        catch (SocketException ex)
        {
            lastError = ex.SocketErrorCode == SocketError.ConnectionRefused
                ? "port unreachable: nothing listens there for DNS over UDP"
                : $"socket error: {ex.SocketErrorCode}";
        }

        return new DnsQueryResult(server, question, null, lastError ?? "no answer", "udp", stopwatch.Elapsed) { IgnoredDatagrams = ignored };
    }

    private async Task<DnsQueryResult> TcpAsync(
        DnsServerEndpoint server, IPEndPoint endpoint, ushort id, DnsQuestion question, byte[] query, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);

            // RFC 1035 section 4.2.2: each message is prefixed by a two-byte length.
            var framed = new byte[query.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
            query.CopyTo(framed, 2);
            await socket.SendAsync(framed, SocketFlags.None, timeout.Token).ConfigureAwait(false);

            var prefix = new byte[2];
            if (!await ReadExactlyAsync(socket, prefix, timeout.Token).ConfigureAwait(false))
            {
                return new DnsQueryResult(server, question, null, "TCP connection closed before the length prefix", "tcp", stopwatch.Elapsed);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
            var data = new byte[length];
            if (!await ReadExactlyAsync(socket, data, timeout.Token).ConfigureAwait(false))
            {
                return new DnsQueryResult(server, question, null, $"TCP connection closed inside a {length}-byte answer", "tcp", stopwatch.Elapsed);
            }

            if (!DnsMessageReader.TryRead(data, out var message, out var error))
            {
                return new DnsQueryResult(server, question, null, $"malformed answer: {error}", "tcp", stopwatch.Elapsed);
            }

            if (!IsAnswerTo(message!, id, question))
            {
                return new DnsQueryResult(server, question, null, "answer over TCP does not match the question (id or question differs)", "tcp", stopwatch.Elapsed);
            }

            return new DnsQueryResult(server, question, message, null, "tcp", stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DnsQueryResult(server, question, null, $"no answer over TCP within {AttemptTimeout.TotalSeconds:0.#} s", "tcp", stopwatch.Elapsed);
        }
        catch (SocketException ex)
        {
            return new DnsQueryResult(server, question, null, $"TCP: {ex.SocketErrorCode}", "tcp", stopwatch.Elapsed);
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    /// <summary>QR set, our id, and our question echoed back (RFC 1035 section 7.3).</summary>
    public static bool IsAnswerTo(DnsMessage message, ushort id, DnsQuestion question)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(question);
        if (!message.Header.IsResponse || message.Header.Id != id)
        {
            return false;
        }

        // Some servers leave the question out of an error answer (FORMERR, NOTIMP, REFUSED).
        return message.Questions.Count == 1
            ? message.Questions[0].Matches(question)
            : message.Questions.Count == 0 && message.Header.ResponseCode != DnsResponseCode.NoError;
    }
}
