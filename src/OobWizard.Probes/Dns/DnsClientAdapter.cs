using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>
/// Asks one server one question through DnsClient's <see cref="LookupClient"/> (1.8.0) and closes
/// the gaps a diagnostic tool cannot leave open, each pinned by a test against a misbehaving
/// loopback server (tests/OobWizard.Probes.Tests/Dns/DnsClientAdapterTests.cs):
/// <list type="bullet">
/// <item>DnsClient checks only the id. An answer whose question differs from ours, or without the QR
/// bit, is rejected here (RFC 5452 section 9.1) and named in <see cref="DnsQueryResult.NotBelieved"/>.</item>
/// <item>A message with another id throws <c>DnsXidMismatchException</c>, which is not a
/// <c>DnsResponseException</c>. Here it is noticed and named, never thrown.</item>
/// <item>After either over UDP, and after TC (RFC 1035 section 4.2.2) or an unreadable UDP answer, the
/// same question goes again over TCP (DnsClient's <c>UseTcpOnly</c>), where the connection binds the
/// answer to the asker; the transport then reads "udp+tcp".</item>
/// <item>Its UDP socket is not connected, so nothing listening on the port is silence, not ICMP: that
/// is "no answer in N ms" after <see cref="UdpAttempts"/> tries of <see cref="AttemptTimeout"/>. Then one
/// empty datagram from a connected socket asks the kernel whether ICMP says "port unreachable".</item>
/// <item>It follows a compression pointer past the end of the message into its reused receive buffer,
/// so a hostile answer can show bytes of an earlier message. An answer with a name no host name can be
/// (anything but letters, digits, '-', '_', '*', '/') is not believed either.</item>
/// <item>It reports neither transport nor time: both are measured here.</item>
/// <item>It keeps TCP connections open in a pool per client (it has no Dispose) and reuses them for 5 s
/// without noticing that the server closed one. So the adapter holds one long-lived client, as DnsClient
/// intends, which bounds the open connections (dnsmasq serves at most 20 TCP clients at once), and a
/// TCP question gets one retry, which is what a connection the server closed costs.</item>
/// </list>
/// Questions go to exactly the server given (port included), with no cache, no EDNS OPT record (plain
/// 512-byte UDP answers, as the stub resolvers of the AMT era ask), and RD as the caller asks.
/// Never throws for network or format trouble: that is the result's <see cref="DnsQueryResult.Error"/>.
/// Only the caller's cancellation escapes, as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class DnsClientAdapter
{
    // Below 513 DnsClient sends no OPT record (DnsQuerySettings.UseExtendedDns).
    private const int PlainUdpSize = DnsQueryOptions.MinimumBufferSize;

    private readonly LookupClient _client = new(new LookupClientOptions { AutoResolveNameServers = false, UseCache = false });

    public DnsClientAdapter(TimeSpan? attemptTimeout = null, int udpAttempts = 2)
    {
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(2);
        UdpAttempts = Math.Max(1, udpAttempts);
    }

    /// <summary>How long one try waits for its answer (UDP or TCP).</summary>
    public TimeSpan AttemptTimeout { get; }

    /// <summary>UDP tries before a silent server is given up (each a new query with a new id).</summary>
    public int UdpAttempts { get; }

    /// <summary>
    /// Asks <paramref name="name"/> <paramref name="type"/> (class IN) over UDP, then TCP when needed.
    /// <paramref name="recursion"/> sets RD: true for a resolver, false to ask an authoritative server
    /// for its own data only.
    /// </summary>
    public Task<DnsQueryResult> QueryAsync(DnsServerEndpoint server, string name, QueryType type, bool recursion = true, CancellationToken cancellationToken = default) =>
        AskAsync(server, name, type, recursion, tcpOnly: false, cancellationToken);

    /// <summary>Asks over TCP only (RFC 1035 section 4.2.2), for tests and for answers known to be large.</summary>
    public Task<DnsQueryResult> QueryTcpAsync(DnsServerEndpoint server, string name, QueryType type, bool recursion = true, CancellationToken cancellationToken = default) =>
        AskAsync(server, name, type, recursion, tcpOnly: true, cancellationToken);

    private async Task<DnsQueryResult> AskAsync(DnsServerEndpoint server, string name, QueryType type, bool recursion, bool tcpOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(name);
        var stopwatch = Stopwatch.StartNew();
        var asked = DnsName.Normalize(name);
        DnsQueryResult Result(IDnsQueryResponse? response, string? error, string transport, IReadOnlyList<string>? notBelieved = null) =>
            new(server, asked, type, response, error, transport, stopwatch.Elapsed) { NotBelieved = notBelieved ?? [] };

        DnsQuestion question;
        try
        {
            question = DnsName.QuestionProblem(asked) is { } problem
                ? throw new ArgumentException(problem)
                : new DnsQuestion(asked, type, QueryClass.IN);
        }
        catch (ArgumentException ex)
        {
            return Result(null, $"cannot ask: {ex.Message}", "none");
        }

        IPEndPoint endpoint;
        try
        {
            endpoint = await ResolveAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return Result(null, $"cannot find server {server.Host}: {ex.Message}", "none");
        }

        var notBelieved = new List<string>();
        if (!tcpOnly)
        {
            DnsAttempt? udp = null;
            for (var attempt = 0; attempt < UdpAttempts && udp is null or { Kind: DnsAttemptKind.Silence }; attempt++)
            {
                udp = await AttemptAsync(endpoint, question, recursion, tcp: false, cancellationToken).ConfigureAwait(false);
            }

            switch (udp!.Kind)
            {
                case DnsAttemptKind.Answer when Mismatch(udp.Response!, question) is { } other:
                    notBelieved.Add($"over UDP {other}: rejected");
                    break;
                case DnsAttemptKind.Answer:
                    return Result(udp.Response, null, "udp");
                case DnsAttemptKind.Silence:
                    var silence = NoAnswer(stopwatch.Elapsed, "UDP", UdpAttempts);
                    return Result(null, await UdpPortRefusesAsync(endpoint, cancellationToken).ConfigureAwait(false)
                        ? $"{silence}; port unreachable: nothing listens there for DNS over UDP"
                        : silence, "udp");
                case DnsAttemptKind.Failed:
                    return Result(null, udp.Text, "udp");
                case DnsAttemptKind.Truncated when udp.Text.Length == 0:
                    break; // TC: the transport "udp+tcp" says it
                default:
                    notBelieved.Add($"over UDP {udp.Text}");
                    break;
            }
        }

        var transport = tcpOnly ? "tcp" : "udp+tcp";
        var tcp = await AttemptAsync(endpoint, question, recursion, tcp: true, cancellationToken).ConfigureAwait(false);
        if (tcp.Kind == DnsAttemptKind.Answer)
        {
            return Mismatch(tcp.Response!, question) is { } other
                ? Result(null, $"over TCP {other}: rejected", transport, notBelieved)
                : Result(tcp.Response, null, transport, notBelieved);
        }

        var error = tcp.Kind switch
        {
            DnsAttemptKind.Silence => NoAnswer(stopwatch.Elapsed, "TCP", 2),
            DnsAttemptKind.Truncated => "the TCP answer was truncated too",
            _ => $"over TCP {tcp.Text}",
        };
        return Result(null, error, transport, notBelieved);
    }

    private static string NoAnswer(TimeSpan elapsed, string transport, int tries) =>
        string.Create(CultureInfo.InvariantCulture, $"no answer in {elapsed.TotalMilliseconds:0} ms ({tries} {transport} {(tries == 1 ? "try" : "tries")})");

    /// <summary>
    /// True when ICMP says nothing listens on the UDP port: an empty datagram from a connected socket,
    /// whose next receive then fails with ConnectionRefused (Linux and Windows alike). Not a DNS message;
    /// servers drop it. False when anything else happens within 250 ms (a firewall may drop ICMP).
    /// </summary>
    private static async Task<bool> UdpPortRefusesAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            await socket.SendAsync(ReadOnlyMemory<byte>.Empty, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(250));
            await socket.ReceiveAsync(new byte[512], SocketFlags.None, wait.Token).ConfigureAwait(false);
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>One query, one transport, no retries; every way it can end sorted into a <see cref="DnsAttemptKind"/>.</summary>
    private async Task<DnsAttempt> AttemptAsync(IPEndPoint endpoint, DnsQuestion question, bool recursion, bool tcp, CancellationToken cancellationToken)
    {
        var options = new DnsQueryOptions
        {
            UseCache = false,
            Recursion = recursion,
            Timeout = AttemptTimeout,
            Retries = tcp ? 1 : 0,
            UseTcpOnly = tcp,
            UseTcpFallback = false,
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
            UseRandomNameServer = false,
            ExtendedDnsBufferSize = PlainUdpSize,
            RequestDnsSecRecords = false,
            // Only to tell TC from an unreadable answer: DnsClient treats both as truncation.
            EnableAuditTrail = true,
        };

        try
        {
            var response = await _client.QueryServerAsync([new NameServer(endpoint)], question, options, cancellationToken).ConfigureAwait(false);
            return new DnsAttempt(DnsAttemptKind.Answer, response, string.Empty);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (DnsXidMismatchException ex)
        {
            return new DnsAttempt(DnsAttemptKind.Stray, null,
                $"a message with id 0x{ex.ResponseXid:X4}, not our query's 0x{ex.RequestXid:X4} (stray or spoofed)");
        }
        catch (DnsResponseParseException ex)
        {
            // Its message is three lines: where it failed, why, and a Base64 dump of the bytes; evidence takes the why.
            var lines = ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var why = (lines.Length > 1 ? lines[1] : lines.FirstOrDefault() ?? "unknown").TrimEnd('.');
            return new DnsAttempt(DnsAttemptKind.Unreadable, null, string.Create(CultureInfo.InvariantCulture, $"an unreadable answer ({why}, at byte {ex.Index})"));
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout && tcp && ex.InnerException is TimeoutException)
        {
            // DnsClient's TCP reader throws TimeoutException when the stream ends before an answer; a real timeout is an OperationCanceledException.
            return new DnsAttempt(DnsAttemptKind.Failed, null, "the server closed the connection without an answer");
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout)
        {
            return new DnsAttempt(DnsAttemptKind.Silence, null, "no answer");
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.Unassigned && ex.InnerException is null)
        {
            // "Response was truncated and UseTcpFallback is disabled": TC set, or <= 512 bytes it could not read.
            var tc = ex.AuditTrail?.Contains(";; Truncated", StringComparison.Ordinal) == true;
            return new DnsAttempt(DnsAttemptKind.Truncated, null, tc ? string.Empty : "an unreadable answer (DnsClient took it for a truncated one)");
        }
        catch (DnsResponseException ex) when (ex.InnerException is SocketException socket)
        {
            return new DnsAttempt(DnsAttemptKind.Failed, null, socket.SocketErrorCode == SocketError.ConnectionRefused
                ? "connection refused: nothing listens there for DNS over TCP"
                : $"socket error: {socket.SocketErrorCode}");
        }
        catch (DnsResponseException ex)
        {
            return new DnsAttempt(DnsAttemptKind.Failed, null, FirstLine(ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            // DnsClient refusing before it sends ("Unsupported ANY address cannot be used as name server").
            return new DnsAttempt(DnsAttemptKind.Failed, null, FirstLine(ex.Message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // DnsClient's parser on hostile bytes can fail in ways of its own (index, argument, format errors).
            return new DnsAttempt(DnsAttemptKind.Unreadable, null, $"an unreadable answer ({ex.GetType().Name}: {FirstLine(ex.Message)})");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>
    /// Null when <paramref name="response"/> answers <paramref name="question"/> (QR set, the same name,
    /// type and class, RFC 1035 section 7.3) and every name in it could be a host name; else what it is instead.
    /// </summary>
    private static string? Mismatch(IDnsQueryResponse response, DnsQuestion question)
    {
        if (!response.Header.HasQuery)
        {
            return "a message without the QR bit (a query, not an answer)";
        }

        if (OddName(response) is { } odd)
        {
            odd = DnsName.Normalize(odd);
            var shown = Escape(odd.Length > 80 ? odd[..80] : odd) + (odd.Length > 80 ? "..." : string.Empty);
            return $"an answer naming '{shown}', which no host name can be";
        }

        var questions = response.Questions;
        if (questions.Count == 1)
        {
            var q = questions[0];
            return DnsName.Equal(q.QueryName.Value, question.QueryName.Value) && q.QuestionType == question.QuestionType && q.QuestionClass == question.QuestionClass
                ? null
                : $"an answer to {DnsRecordText.Type(q.QuestionType)} {Escape(DnsName.Normalize(q.QueryName.Value))}{(q.QuestionClass == QueryClass.IN ? string.Empty : " class " + q.QuestionClass)}, not to {DnsRecordText.Type(question.QuestionType)} {DnsName.Normalize(question.QueryName.Value)}";
        }

        // Some servers leave the question out of an error answer (FORMERR, NOTIMP, REFUSED).
        return questions.Count == 0 && response.Header.ResponseCode != DnsHeaderResponseCode.NoError
            ? null
            : $"an answer with {questions.Count} questions";
    }

    /// <summary>The first owner or RDATA name with a character outside letters, digits, '-', '_', '*', '/' (DnsClient writes other bytes as \DDD).</summary>
    private static string? OddName(IDnsQueryResponse response)
    {
        foreach (var record in response.Answers.Concat(response.Authorities).Concat(response.Additionals))
        {
            IEnumerable<DnsString> names = record switch
            {
                CNameRecord c => [record.DomainName, c.CanonicalName],
                PtrRecord p => [record.DomainName, p.PtrDomainName],
                NsRecord n => [record.DomainName, n.NSDName],
                SrvRecord v => [record.DomainName, v.Target],
                SoaRecord o => [record.DomainName, o.MName, o.RName],
                _ => [record.DomainName],
            };
            if (names.Select(n => n.Value).FirstOrDefault(n => !n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '*' or '/' or '.')) is { } odd)
            {
                return odd;
            }
        }

        return null;
    }

    /// <summary>Characters outside printable ASCII as \DDD (RFC 1035 section 5.1), so a name from the network cannot steer a terminal.</summary>
    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is > ' ' and < (char)0x7F ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\{(int)c:D3}")));

    private static async Task<IPEndPoint> ResolveAsync(DnsServerEndpoint server, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(server.Host, out var address))
        {
            return new IPEndPoint(address, server.Port);
        }

        // DnsClient takes addresses only; a server given by name is found through the system's resolver, as any client would.
        var addresses = await System.Net.Dns.GetHostAddressesAsync(server.Host, cancellationToken).ConfigureAwait(false);
        var first = addresses.FirstOrDefault() ?? throw new ArgumentException("no address");
        return new IPEndPoint(first, server.Port);
    }
}
