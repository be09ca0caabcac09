using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.reachable: which AMT ports accept a TCP connection (WS-Man 16992/16993, redirection 16994/16995, 623/664) and
/// whether the RMCP presence ping is answered. Every attempt has its own short bound, so a filtered port costs at most
/// that bound and the whole probe stays inside its timeout.
/// </summary>
public sealed class AmtReachableProbe : IProbe
{
    private readonly AmtProbeOptions _options;

    public AmtReachableProbe(AmtProbeOptions options) => _options = options;

    public string Id => "amt.reachable";

    public string Description => "Do the AMT ports (16992-16995, 623/664) accept connections, and does RMCP ping answer?";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "closed"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (AmtProbeSupport.RequireTarget(Id, context) is { } missing) return missing;
        var host = context.Target!;
        var bound = AmtProbeSupport.AttemptBound(context, _options);
        if (AmtProbeSupport.IsDnsName(host))
        {
            // A name that does not resolve is a DNS problem (dns.forward), not a closed device: say so instead of
            // reporting every port closed.
            try
            {
                var addresses = await System.Net.Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
                if (addresses.Length == 0) return ProbeResult.Inconclusive(Id, $"{host} does not resolve to an address (see dns.forward)");
            }
            catch (SocketException ex)
            {
                return ProbeResult.Inconclusive(Id, $"{host} does not resolve: {ex.SocketErrorCode} (see dns.forward)", [new("name", host)]);
            }
        }

        var ports = new List<(int Port, string Role)>
        {
            (context.HttpPort, "WS-Man HTTP"),
            (context.TlsPort, "WS-Man TLS"),
            (_options.RedirectionPort, "redirection (SOL/IDER)"),
            (_options.RedirectionTlsPort, "redirection TLS"),
        };
        ports.AddRange(_options.ExtraTcpPorts.Select(p => (p, "ASF/RMCP TCP")));
        var checks = ports.Select(p => ConnectAsync(host, p.Port, bound, cancellationToken)).ToList();
        var ping = RmcpPing.PingAsync(host, _options.RmcpPort, bound, cancellationToken);
        var states = await Task.WhenAll(checks).ConfigureAwait(false);
        var pong = await ping.ConfigureAwait(false);

        var evidence = new List<Evidence>();
        for (var i = 0; i < ports.Count; i++)
        {
            evidence.Add(new($"TCP {ports[i].Port.ToString(CultureInfo.InvariantCulture)} ({ports[i].Role})", states[i]));
        }

        evidence.Add(new($"RMCP ping UDP {_options.RmcpPort.ToString(CultureInfo.InvariantCulture)}", pong is null
            ? "no answer"
            : $"answered: {(pong.IsIntel ? "Intel" : $"IANA {pong.IanaEnterprise}")} AMT {pong.MajorVersion}.{pong.MinorVersion}, WS-Man port {pong.WsmanPort}, {pong.ProvisioningStateText}"));

        var open = ports.Where((_, i) => states[i].StartsWith("open", StringComparison.Ordinal)).Select(p => p.Port.ToString(CultureInfo.InvariantCulture)).ToList();
        var wsmanOpen = states[0].StartsWith("open", StringComparison.Ordinal) || states[1].StartsWith("open", StringComparison.Ordinal);
        return wsmanOpen
            ? ProbeResult.Pass(Id, $"AMT answers on {host}: TCP {string.Join(", ", open)} open", evidence)
            : ProbeResult.Finding(Id, "closed", $"no AMT WS-Man port answers on {host}", evidence, AmtDiagnoses.CannotConnect);
    }

    private static async Task<string> ConnectAsync(string host, int port, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(bound);
        using var tcp = new TcpClient();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await tcp.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            return $"open ({Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms)";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {bound.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (filtered?)";
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode == SocketError.ConnectionRefused ? "closed (refused)" : $"closed ({ex.SocketErrorCode})";
        }
    }
}
