using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// One AMT device as the probes of a run share it (<see cref="ProbeRun.Amt"/>): the gate that keeps WS-Man requests
/// one at a time (real AMT serves one at a time), the accepted Digest nonce, the first contact
/// (<see cref="AmtContact"/>) and the TLS evaluation (<see cref="TlsEvaluation"/>), each made once.
/// </summary>
public sealed class AmtDevice
{
    private readonly Lock _lock = new();
    private Task<AmtContact>? _contact;
    private Task<TlsEvaluation>? _tls;

    /// <summary>One WS-Man request (or TLS handshake) at a time to this device.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public DigestSession Digest { get; } = new();

    /// <summary>
    /// The plain-HTTP connection pool the probes of this device share (WS-Man requests go one at a time, so one
    /// kept-alive connection serves them all). Idle connections close after a few seconds, so a scan that has moved on
    /// to other devices does not keep them. No proxy, no redirects, no cookies, as every WS-Man client here.
    /// </summary>
    public HttpMessageHandler HttpConnections => _http.Value;

    private readonly Lazy<SocketsHttpHandler> _http = new(() => new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        UseCookies = false,
        MaxConnectionsPerServer = 2,
    });

    /// <summary>Set once an authenticated request found no WS-Management at /wsman (AMT before 3.x): later probes say so in one line.</summary>
    public string? NoWsman { get; set; }

    /// <summary>Whether the first contact has been made (later probes then need no first-contact allowance).</summary>
    public bool Contacted
    {
        get
        {
            lock (_lock)
            {
                return _contact is { IsCompletedSuccessfully: true };
            }
        }
    }

    /// <summary>The first contact, made once (again only if an earlier try was cancelled).</summary>
    public Task<AmtContact> ContactAsync(ProbeContext context, AmtProbeOptions options, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_contact is null || _contact.IsCanceled || _contact.IsFaulted)
            {
                _contact = MakeContactAsync(context, options, cancellationToken);
            }

            return _contact.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The TLS evaluation of the device's TLS port, made once.</summary>
    public Task<TlsEvaluation> TlsAsync(ProbeContext context, AmtProbeOptions options, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_tls is null || _tls.IsCanceled || _tls.IsFaulted)
            {
                _tls = EvaluateTlsAsync(context, options, cancellationToken);
            }

            return _tls.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The name a device certificate must carry, known without credentials: the target's name or the console's FQDN.</summary>
    public static string? NameInUse(ProbeContext context) =>
        AmtProbeSupport.IsDnsName(context.Target) ? context.Target!.Trim().TrimEnd('.')
        : string.IsNullOrWhiteSpace(context.Fqdn) ? null : context.Fqdn.Trim().TrimEnd('.');

    private async Task<TlsEvaluation> EvaluateTlsAsync(ProbeContext context, AmtProbeOptions options, CancellationToken cancellationToken)
    {
        TlsCapture capture;
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            capture = await TlsCertificateCapture.CaptureAsync(context.Target!.Trim(), context.TlsPort, Contacted ? context.RequestTimeout : context.FirstContactTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanTransportException ex) when (ex.SocketError == SocketError.ConnectionRefused)
        {
            return new TlsEvaluation { Failure = $"nothing listens on TLS port {context.TlsPort.ToString(CultureInfo.InvariantCulture)}", PortClosed = true };
        }
        catch (WsmanException ex)
        {
            return new TlsEvaluation { Failure = ex.Message };
        }
        finally
        {
            Gate.Release();
        }

        return TlsEvaluation.From(capture, context.CaFile, NameInUse(context), options.Time.GetUtcNow());
    }

    private async Task<AmtContact> MakeContactAsync(ProbeContext context, AmtProbeOptions options, CancellationToken cancellationToken)
    {
        var host = context.Target!.Trim();
        var bound = context.FirstContactTimeout;
        if (AmtProbeSupport.IsDnsName(host))
        {
            string? problem = null;
            string? key = null;
            try
            {
                var addresses = await System.Net.Dns.GetHostAddressesAsync(host, cancellationToken).WaitAsync(bound, cancellationToken).ConfigureAwait(false);
                if (addresses.Length == 0) (problem, key) = ("no address", "probe.amt.unresolved.no-address");
            }
            catch (SocketException ex)
            {
                (problem, key) = ex.SocketErrorCode == SocketError.HostNotFound
                    ? ("no such name", "probe.amt.unresolved.no-such-name")
                    : (ex.SocketErrorCode.ToString(), "probe.amt.unresolved.error");
            }
            catch (TimeoutException)
            {
                (problem, key) = ($"no answer within {bound.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", "probe.amt.unresolved.timeout");
            }

            if (problem is not null)
            {
                var servers = Dns.SystemDnsServers.Get();
                var with = servers.Count == 0 ? "the system's resolver (no name server configured)" : $"the system's name servers {string.Join(", ", servers)}";
                return new AmtContact
                {
                    Host = host,
                    ResolveLine = ProbeLine.Of(key!, $"{host} does not resolve with {with} ({problem}); AMT probes skipped",
                        [host, servers.Count == 0 ? "-" : string.Join(", ", servers), .. key switch
                        {
                            "probe.amt.unresolved.timeout" => new[] { bound.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) },
                            "probe.amt.unresolved.error" => [problem],
                            _ => [],
                        }]),
                    Pong = Task.FromResult<RmcpPong?>(null),
                };
            }
        }

        var started = Stopwatch.GetTimestamp();
        var httpTask = TcpPortState.ConnectAsync(host, context.HttpPort, bound, cancellationToken);
        var tlsTask = TcpPortState.ConnectAsync(host, context.TlsPort, bound, cancellationToken);
        var pong = RmcpPing.PingAsync(host, options.RmcpPort, options.ConnectTimeout, cancellationToken);
        _ = pong.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        // amt.reachable's other ports are connected now too, so a device that answers nothing costs one timeout, not two.
        var otherPorts = AmtContact.OtherPortsOf(options);
        var attempt = AmtProbeSupport.AttemptBound(context, options);
        var others = Task.WhenAll(otherPorts.Select(p => TcpPortState.ConnectAsync(host, p.Port, attempt, cancellationToken)));
        _ = others.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

        var preferred = context.UseTls ? tlsTask : httpTask;
        var other = context.UseTls ? httpTask : tlsTask;
        var first = await preferred.ConfigureAwait(false);
        TcpPortState? second = null;
        string? note = null;
        var useTls = context.UseTls;
        if (!first.Open)
        {
            second = await other.ConfigureAwait(false);
            if (second.Open)
            {
                useTls = !context.UseTls;
                note = useTls
                    ? $"{context.HttpPort.ToString(CultureInfo.InvariantCulture)} {(first.Refused ? "closed" : "silent")}, {context.TlsPort.ToString(CultureInfo.InvariantCulture)} open: WS-Man over TLS on {context.TlsPort.ToString(CultureInfo.InvariantCulture)} (a TLS-only device; --tls says so at once)"
                    : $"TLS port {context.TlsPort.ToString(CultureInfo.InvariantCulture)} {(first.Refused ? "closed" : "silent")}, {context.HttpPort.ToString(CultureInfo.InvariantCulture)} open: WS-Man over HTTP on {context.HttpPort.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        var http = context.UseTls ? second : first;
        var tls = context.UseTls ? first : second;
        // Answering TCP sets the scale for the pong: a few round trips, at least 250 ms, never more than its bound.
        var rtt = Stopwatch.GetElapsedTime(started);
        var grace = TimeSpan.FromMilliseconds(Math.Clamp(rtt.TotalMilliseconds * 4, 250, options.ConnectTimeout.TotalMilliseconds));
        var port = useTls ? context.TlsPort : context.HttpPort;
        if (!(first.Open || (second?.Open ?? false)))
        {
            var timedOut = !first.Answered && !(second?.Answered ?? false);
            return new AmtContact
            {
                Host = host,
                Http = http ?? (httpTask.IsCompleted ? httpTask.Result : null),
                Tls = tls ?? (tlsTask.IsCompleted ? tlsTask.Result : null),
                Port = port,
                UseTls = useTls,
                FailureLine = PortsFailure(context.HttpPort, http ?? first, context.TlsPort, tls ?? second ?? first),
                TimedOut = timedOut,
                Pong = pong,
                PongGrace = grace,
                OtherPorts = otherPorts,
                OtherPortStates = others,
            };
        }

        using var client = new WsmanClient(new WsmanClientOptions
        {
            Host = host,
            Port = port,
            UseTls = useTls,
            Timeout = bound,
            Gate = Gate,
            SharedHttpHandler = HttpConnections,
        });
        IdentifyResult? identify = null;
        AmtChallenge? challenge = null;
        string? wsman = null;
        ProbeLine? failure = null;
        var timedOutIdentify = false;
        try
        {
            identify = await client.IdentifyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanAuthenticationException ex)
        {
            challenge = ex.Challenge;
        }
        catch (WsmanFaultException ex)
        {
            wsman = $"Identify answered with the fault {ex.Subcode}";
        }
        catch (WsmanProtocolException ex)
        {
            wsman = ex.Message;
        }
        catch (WsmanTimeoutException ex)
        {
            failure = ProbeLine.Of("probe.amt.cannot-connect.no-answer", $"TCP {port.ToString(CultureInfo.InvariantCulture)} accepts but gives no answer within {ex.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
                port, ex.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
            timedOutIdentify = true;
        }
        catch (WsmanException ex)
        {
            failure = ProbeLine.Of("probe.cannot-connect", ex.Message, ex.Message);
        }

        var server = client.LastServerHeader;
        var amt = identify?.IsIntelAmt == true || (challenge?.LooksLikeAmt ?? false) || LooksLikeAmtServer(server);
        if (!amt && failure is null && identify is null && challenge is null)
        {
            // Identify was not answered as WS-Man: ask for the challenge AMT puts on every other call.
            try
            {
                var c = await client.ProbeChallengeAsync(cancellationToken).ConfigureAwait(false);
                if (c.Realm is not null || c.Schemes.Count > 0) challenge = c;
                server = client.LastServerHeader ?? server;
                amt = c.LooksLikeAmt || LooksLikeAmtServer(server);
            }
            catch (WsmanException)
            {
                // The first answer already said what there is to say.
            }
        }

        var contact = new AmtContact
        {
            Host = host,
            Http = http ?? (httpTask.IsCompleted ? httpTask.Result : null),
            Tls = tls ?? (tlsTask.IsCompleted ? tlsTask.Result : null),
            Port = port,
            UseTls = useTls,
            PortNote = note,
            FailureLine = failure,
            TimedOut = timedOutIdentify,
            Identify = identify,
            Challenge = challenge,
            ServerHeader = server,
            WsmanAnswer = wsman,
            Pong = pong,
            PongGrace = grace,
            OtherPorts = otherPorts,
            OtherPortStates = others,
            IsAmt = amt,
        };
        if (!amt && failure is null)
        {
            // The web side says "not AMT"; an Intel pong would still say otherwise (AMT with an odd web answer).
            var p = await contact.PongWithinGraceAsync(cancellationToken).ConfigureAwait(false);
            if (p?.IsIntel == true) contact = contact with { IsAmt = true };
        }

        return contact;
    }

    private static bool LooksLikeAmtServer(string? server) =>
        server is not null && (server.Contains("Active Management Technology", StringComparison.OrdinalIgnoreCase) || string.Equals(server.Trim(), "AMT", StringComparison.Ordinal));

    /// <summary>Neither WS-Man port open: both refused, both silent, or as each one ended.</summary>
    private static ProbeLine PortsFailure(int httpPort, TcpPortState http, int tlsPort, TcpPortState tls)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"TCP {httpPort} {http.Text}, TCP {tlsPort} {tls.Text}");
        if (http.Refused && tls.Refused) return ProbeLine.Of("probe.amt.cannot-connect.refused", text, httpPort, tlsPort);
        if (!http.Answered && !tls.Answered && !http.Open && !tls.Open && http.Text.StartsWith("no answer", StringComparison.Ordinal) && tls.Text.StartsWith("no answer", StringComparison.Ordinal))
        {
            return ProbeLine.Of("probe.amt.cannot-connect.silent", text, httpPort, tlsPort, Math.Max(http.Elapsed.TotalSeconds, tls.Elapsed.TotalSeconds).ToString("0.#", CultureInfo.InvariantCulture));
        }

        return ProbeLine.Of("probe.amt.cannot-connect.ports", text, httpPort, http.Text, tlsPort, tls.Text);
    }
}
