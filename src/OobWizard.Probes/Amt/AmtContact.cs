using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// The first contact with a device in a run, made once and shared by every AMT probe: whether the name resolves,
/// which WS-Man port answers (a TLS-only device has 16992 closed and 16993 open), and whether it is AMT at all (an
/// AMT Server header, a Digest challenge with AMT's realm from /wsman, an Intel RMCP pong). Probes stop with one line
/// when it is not AMT or cannot be reached, instead of each sending requests that cannot succeed.
/// </summary>
public sealed record AmtContact
{
    public required string Host { get; init; }

    /// <summary>Non-null when the name does not resolve: the one line to show.</summary>
    public string? ResolveProblem => ResolveLine?.Text;

    /// <summary><see cref="ResolveProblem"/> with its message key.</summary>
    public ProbeLine? ResolveLine { get; init; }

    public TcpPortState? Http { get; init; }

    public TcpPortState? Tls { get; init; }

    /// <summary>The WS-Man port the probes use, and whether it is the TLS one.</summary>
    public int Port { get; init; }

    public bool UseTls { get; init; }

    /// <summary>Said when the port used is not the one asked for ("16992 closed, 16993 open: WS-Man over TLS on 16993").</summary>
    public string? PortNote { get; init; }

    /// <summary>Non-null when no WS-Man port gave a usable answer (refused, silent, reset).</summary>
    public string? Failure => FailureLine?.Text;

    /// <summary><see cref="Failure"/> with its message key (the key's text says "cannot connect").</summary>
    public ProbeLine? FailureLine { get; init; }

    /// <summary>True when the failure is a timeout rather than a refusal.</summary>
    public bool TimedOut { get; init; }

    public IdentifyResult? Identify { get; init; }

    public AmtChallenge? Challenge { get; init; }

    public string? ServerHeader { get; init; }

    /// <summary>What /wsman answered when it was not WS-Man (for example "HTTP 404 without a SOAP body").</summary>
    public string? WsmanAnswer { get; init; }

    /// <summary>The RMCP presence pong, if one came; runs alongside, bounded.</summary>
    public required Task<RmcpPong?> Pong { get; init; }

    /// <summary>How long to wait for the pong once TCP has answered: a few round trips, never a fixed 2 s.</summary>
    public TimeSpan PongGrace { get; init; }

    public bool IsAmt { get; init; }

    /// <summary>The TCP ports amt.reachable reports besides WS-Man (redirection, ASF), connected alongside the first contact.</summary>
    public IReadOnlyList<(int Port, string Role)> OtherPorts { get; init; } = [];

    /// <summary>What the connects to <see cref="OtherPorts"/> found, in the same order; each bounded like any connect attempt.</summary>
    public Task<TcpPortState[]>? OtherPortStates { get; init; }

    /// <summary>Redirection 16994/16995 and the extra ASF ports of <paramref name="options"/>, with their roles.</summary>
    public static IReadOnlyList<(int Port, string Role)> OtherPortsOf(AmtProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ports = new List<(int Port, string Role)>
        {
            (options.RedirectionPort, "redirection (SOL/IDER)"),
            (options.RedirectionTlsPort, "redirection TLS"),
        };
        ports.AddRange(options.ExtraTcpPorts.Select(p => (p, "ASF/RMCP TCP")));
        return ports;
    }

    public AmtVersion? Version => Challenge?.Version ?? AmtVersion.FromServerHeader(ServerHeader) ?? AmtVersion.Parse(Identify?.ProductVersion);

    /// <summary>The pong if it came within <see cref="PongGrace"/>; null otherwise (inconclusive, never "absent").</summary>
    public async Task<RmcpPong?> PongWithinGraceAsync(CancellationToken cancellationToken)
    {
        if (Pong.IsCompleted) return await Pong.ConfigureAwait(false);
        try
        {
            return await Pong.WaitAsync(PongGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Why a probe stops before asking anything, or null when the device can be asked.</summary>
    public string? StopReason => StopLine?.Text;

    /// <summary><see cref="StopReason"/> with its message key.</summary>
    public ProbeLine? StopLine =>
        ResolveLine ?? (FailureLine is { } f ? f with { Text = $"cannot connect: {f.Text}" } : !IsAmt ? ProbeLine.Of("probe.amt.not-amt", "not an AMT device (see amt.identify)") : null);
}
