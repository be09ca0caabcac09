using System.Globalization;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.reachable: which AMT ports accept a TCP connection (WS-Man 16992/16993 from the run's first contact,
/// redirection 16994/16995, 623/664) and whether the RMCP presence ping is answered. A device that takes only TLS
/// (16992 closed, 16993 open: AMT 16 and later once TLS is on) is named as such; the other probes then use 16993.
/// No pong is inconclusive, never "absent": AMT before 4.0 does not answer the ping at all.
/// </summary>
public sealed class AmtReachableProbe : AmtProbe
{
    public AmtReachableProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.reachable";

    public override string Description => "Do the AMT ports (16992-16995, 623/664) accept connections, and does RMCP ping answer?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "closed", "tls-only"];

    protected override bool NeedsPassword => false;

    protected override bool StopsWhenNotAmt => false;

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var contact = scope.Contact;
        var context = scope.Context;
        if (contact.ResolveLine is { } unresolved) return ProbeResult.Inconclusive(Id, unresolved);
        var host = contact.Host;
        var bound = AmtProbeSupport.AttemptBound(context, Options);
        // The first contact connected the other ports alongside its own; a contact made without them connects them now.
        var others = contact.OtherPortStates is null ? AmtContact.OtherPortsOf(Options) : contact.OtherPorts;
        var checks = contact.OtherPortStates ?? Task.WhenAll(others.Select(p => TcpPortState.ConnectAsync(host, p.Port, bound, cancellationToken)));
        // The WS-Man port that was not needed for the first contact may still be connecting (a filtered port).
        var http = contact.Http ?? await TcpPortState.ConnectAsync(host, context.HttpPort, bound, cancellationToken).ConfigureAwait(false);
        var tls = contact.Tls ?? await TcpPortState.ConnectAsync(host, context.TlsPort, bound, cancellationToken).ConfigureAwait(false);
        var states = await checks.WaitAsync(cancellationToken).ConfigureAwait(false);
        var pong = await contact.PongWithinGraceAsync(cancellationToken).ConfigureAwait(false);

        var evidence = new List<Evidence>
        {
            new Evidence($"TCP {http.Port.ToString(CultureInfo.InvariantCulture)} (WS-Man HTTP)", http.Text).Keyed("evidence.label.tcp-wsman-http", http.Port),
            new Evidence($"TCP {tls.Port.ToString(CultureInfo.InvariantCulture)} (WS-Man TLS)", tls.Text).Keyed("evidence.label.tcp-wsman-tls", tls.Port),
        };
        for (var i = 0; i < others.Count; i++)
        {
            evidence.Add(new Evidence($"TCP {others[i].Port.ToString(CultureInfo.InvariantCulture)} ({others[i].Role})", states[i].Text)
                .Keyed("evidence.label.tcp-role", others[i].Port, ProbeLine.Of(Core.Content.EvidenceLabel.Key(others[i].Role), others[i].Role)));
        }

        evidence.Add(new Evidence($"RMCP ping UDP {Options.RmcpPort.ToString(CultureInfo.InvariantCulture)}", pong is null
            ? $"no pong within {contact.PongGrace.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms (inconclusive: AMT before 4.0, or RmcpPingResponseEnabled off)"
            : $"answered: {(pong.IsIntel ? "Intel" : $"IANA {pong.IanaEnterprise.ToString(CultureInfo.InvariantCulture)}")} AMT {pong.MajorVersion.ToString(CultureInfo.InvariantCulture)}.{pong.MinorVersion.ToString(CultureInfo.InvariantCulture)}, WS-Man port {pong.WsmanPort.ToString(CultureInfo.InvariantCulture)}, {pong.ProvisioningStateText}").Keyed("evidence.label.rmcp-ping-udp", Options.RmcpPort));
        if (contact.PortNote is { } note) evidence.Add(new("WS-Man port used", note));

        var open = new[] { http, tls }.Concat(states).Where(s => s.Open).Select(s => s.Port.ToString(CultureInfo.InvariantCulture)).ToList();
        if (!http.Open && !tls.Open)
        {
            return ProbeResult.Finding(Id, "closed", $"no AMT WS-Man port answers on {host}", evidence, AmtDiagnoses.CannotConnect).Keyed("probe.amt.reachable.closed", host);
        }

        if (!contact.IsAmt && contact.Failure is null)
        {
            return ProbeResult.Inconclusive(Id, $"not an AMT device: TCP {string.Join(", ", open)} open, but it does not answer as AMT (see amt.identify)", evidence).Keyed("probe.amt.reachable.not-amt", string.Join(", ", open));
        }

        if (!http.Open && tls.Open && !context.UseTls)
        {
            return ProbeResult.Finding(Id, "tls-only",
                $"AMT takes only TLS: {http.Port.ToString(CultureInfo.InvariantCulture)} closed, {tls.Port.ToString(CultureInfo.InvariantCulture)} open; the probes used TLS on {tls.Port.ToString(CultureInfo.InvariantCulture)} (pass --tls to say so)",
                evidence, AmtDiagnoses.TlsOnly).Keyed("probe.amt.reachable.tls-only", http.Port, tls.Port);
        }

        return ProbeResult.Pass(Id, $"AMT answers on {host}: TCP {string.Join(", ", open)} open", evidence).Keyed("probe.amt.reachable.pass", host, string.Join(", ", open));
    }
}
