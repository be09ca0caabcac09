using System.Globalization;
using System.Net;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>What every AMT probe needs: a client aimed at the target, and one mapping from client errors to results.</summary>
internal static class AmtProbeSupport
{
    public static ProbeResult? RequireTarget(string probeId, ProbeContext context) =>
        string.IsNullOrWhiteSpace(context.Target) ? ProbeResult.Inconclusive(probeId, "no target given (--target HOST)").Keyed("probe.no-target") : null;

    public static ProbeResult? RequirePassword(string probeId, ProbeContext context) =>
        RequireTarget(probeId, context)
        ?? (string.IsNullOrEmpty(context.Password)
            ? ProbeResult.Inconclusive(probeId, "no AMT password (set OOBW_AMT_PASSWORD or answer the prompt)", [new("user", context.User)]).Keyed("probe.no-password")
            : null);

    /// <summary>Bound for one connect or ping inside a probe: well under the probe's own bound.</summary>
    public static TimeSpan AttemptBound(ProbeContext context, AmtProbeOptions options)
    {
        var share = context.Timeout * 0.6;
        return share < options.ConnectTimeout ? share : options.ConnectTimeout;
    }

    public static bool IsDnsName(string? target) => !string.IsNullOrWhiteSpace(target) && !IPAddress.TryParse(target, out _);

    public static Evidence Transport(ProbeContext context) =>
        new("connection", context.UseTls
            ? $"https://{context.Target}:{context.TlsPort.ToString(CultureInfo.InvariantCulture)}/wsman"
            : $"http://{context.Target}:{context.HttpPort.ToString(CultureInfo.InvariantCulture)}/wsman");

    public static Evidence RoundTrip(WsmanClient client) =>
        new("round trip", $"{client.LastRoundTrip.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms");

    /// <summary>
    /// Client errors become inconclusive (the device answered but this probe cannot decide) or error (no usable
    /// answer). Both send the wizard to the node's manual question, with the reason as the summary.
    /// </summary>
    public static ProbeResult FromException(string probeId, ProbeContext context, WsmanException exception, AmtProbeScope? scope = null)
    {
        var evidence = new List<Evidence> { scope?.Transport ?? Transport(context) };
        switch (exception)
        {
            case WsmanAuthenticationException { RefusedEarlier: true }:
                evidence.Add(new("user", context.User));
                return ProbeResult.Inconclusive(probeId, $"not asked: AMT refused the password for {context.User} earlier in this run, and it is not sent again", evidence).Keyed("probe.not-asked-refused-earlier", context.User);
            case WsmanAuthenticationException { CredentialsSent: false }:
                return ProbeResult.Inconclusive(probeId, "no AMT password (set OOBW_AMT_PASSWORD or answer the prompt)", evidence).Keyed("probe.no-password");
            case WsmanAuthenticationException auth:
                if (auth.Challenge.Realm is { } realm) evidence.Add(new("Digest realm", realm));
                evidence.Add(new("user", context.User));
                return ProbeResult.Inconclusive(probeId, $"AMT refused the password for {context.User} (HTTP 401); it is not sent again in this run (see amt.auth)", evidence).Keyed("probe.refused-401", context.User);
            case WsmanChallengeException challenge:
                if (challenge.Challenge.ServerHeader is { } server) evidence.Add(new("Server header", server));
                evidence.Add(new("WWW-Authenticate", challenge.Challenge.Schemes.Count == 0 ? "(none)" : string.Join(", ", challenge.Challenge.Schemes)));
                return ProbeResult.Inconclusive(probeId, $"the device's challenge cannot be answered ({challenge.Reason}), so no credentials were sent", evidence).Keyed("probe.challenge-unanswerable", challenge.Reason);
            case WsmanCertificateRejectedException cert:
                if (scope?.Tls is { } tls)
                {
                    evidence.AddRange(tls.ToEvidence());
                    return ProbeResult.Inconclusive(probeId, $"the TLS certificate did not validate ({string.Join("; ", tls.Problems)}), so no credentials were sent (--ca-file or --insecure)", evidence).Keyed("probe.tls-invalid");
                }

                if (cert.Certificate is { } facts) evidence.AddRange(facts.ToEvidence());
                evidence.Add(new("TLS validation", cert.Errors.ToString()));
                return ProbeResult.Inconclusive(probeId, "the TLS certificate did not validate, so no credentials were sent (--ca-file or --insecure)", evidence).Keyed("probe.tls-invalid");
            case WsmanFaultException fault:
                evidence.Add(new("fault", $"{fault.Subcode}: {fault.Reason}"));
                return ProbeResult.Inconclusive(probeId, $"the device answered with the fault {fault.Subcode}", evidence).Keyed("probe.fault", fault.Subcode);
            case WsmanTimeoutException timeout:
                return ProbeResult.Error(probeId, $"no answer within {timeout.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", evidence).Keyed("probe.timeout", timeout.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
            case WsmanProtocolException { HttpStatus: 404 }:
                // Reached only for a device the first contact found to be AMT: one without WS-Management.
                return ProbeResult.Inconclusive(probeId, "no WS-Management service at /wsman (HTTP 404): firmware older than AMT 3.x speaks another protocol", evidence).Keyed("probe.no-wsman");
            case WsmanProtocolException protocol:
                return ProbeResult.Error(probeId, protocol.Message, evidence).Keyed("probe.protocol-error", protocol.Message);
            case WsmanTransportException transport:
                return ProbeResult.Error(probeId, $"cannot connect: {transport.Message}", evidence).Keyed("probe.cannot-connect", transport.Message);
            default:
                return ProbeResult.Error(probeId, exception.Message, evidence).Keyed("probe.protocol-error", exception.Message);
        }
    }

    public static string OnOff(bool? value) => value switch { true => "enabled", false => "disabled", null => "(not reported)" };
}
