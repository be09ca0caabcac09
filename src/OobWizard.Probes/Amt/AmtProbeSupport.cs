using System.Globalization;
using System.Net;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>What every AMT probe needs: a client aimed at the target, and one mapping from client errors to results.</summary>
internal static class AmtProbeSupport
{
    public static ProbeResult? RequireTarget(string probeId, ProbeContext context) =>
        string.IsNullOrWhiteSpace(context.Target) ? ProbeResult.Inconclusive(probeId, "no target given (--target HOST)") : null;

    public static ProbeResult? RequirePassword(string probeId, ProbeContext context) =>
        RequireTarget(probeId, context)
        ?? (string.IsNullOrEmpty(context.Password)
            ? ProbeResult.Inconclusive(probeId, "no AMT password (set OOBW_AMT_PASSWORD or answer the prompt)", [new("user", context.User)])
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
                return ProbeResult.Inconclusive(probeId, $"not asked: AMT refused the password for {context.User} earlier in this run, and it is not sent again", evidence);
            case WsmanAuthenticationException { CredentialsSent: false }:
                return ProbeResult.Inconclusive(probeId, "no AMT password (set OOBW_AMT_PASSWORD or answer the prompt)", evidence);
            case WsmanAuthenticationException auth:
                if (auth.Challenge.Realm is { } realm) evidence.Add(new("Digest realm", realm));
                evidence.Add(new("user", context.User));
                return ProbeResult.Inconclusive(probeId, $"AMT refused the password for {context.User} (HTTP 401); it is not sent again in this run (see amt.auth)", evidence);
            case WsmanChallengeException challenge:
                if (challenge.Challenge.ServerHeader is { } server) evidence.Add(new("Server header", server));
                evidence.Add(new("WWW-Authenticate", challenge.Challenge.Schemes.Count == 0 ? "(none)" : string.Join(", ", challenge.Challenge.Schemes)));
                return ProbeResult.Inconclusive(probeId, $"the device's challenge cannot be answered ({challenge.Reason}), so no credentials were sent", evidence);
            case WsmanCertificateRejectedException cert:
                if (scope?.Tls is { } tls)
                {
                    evidence.AddRange(tls.ToEvidence());
                    return ProbeResult.Inconclusive(probeId, $"the TLS certificate did not validate ({string.Join("; ", tls.Problems)}), so no credentials were sent (--ca-file or --insecure)", evidence);
                }

                if (cert.Certificate is { } facts) evidence.AddRange(facts.ToEvidence());
                evidence.Add(new("TLS validation", cert.Errors.ToString()));
                return ProbeResult.Inconclusive(probeId, "the TLS certificate did not validate, so no credentials were sent (--ca-file or --insecure)", evidence);
            case WsmanFaultException fault:
                evidence.Add(new("fault", $"{fault.Subcode}: {fault.Reason}"));
                return ProbeResult.Inconclusive(probeId, $"the device answered with the fault {fault.Subcode}", evidence);
            case WsmanTimeoutException timeout:
                return ProbeResult.Error(probeId, $"no answer within {timeout.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", evidence);
            case WsmanProtocolException { HttpStatus: 404 }:
                // Reached only for a device the first contact found to be AMT: one without WS-Management.
                return ProbeResult.Inconclusive(probeId, "no WS-Management service at /wsman (HTTP 404): firmware older than AMT 3.x speaks another protocol", evidence);
            case WsmanProtocolException protocol:
                return ProbeResult.Error(probeId, protocol.Message, evidence);
            case WsmanTransportException transport:
                return ProbeResult.Error(probeId, $"cannot connect: {transport.Message}", evidence);
            default:
                return ProbeResult.Error(probeId, exception.Message, evidence);
        }
    }

    public static string OnOff(bool? value) => value switch { true => "enabled", false => "disabled", null => "(not reported)" };
}
