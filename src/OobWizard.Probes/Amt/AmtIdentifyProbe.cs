using System.Globalization;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.identify: is this AMT, and which firmware? Reports the run's first contact (<see cref="AmtContact"/>): WS-Man
/// Identify, the 401 challenge whose Digest realm and Server header fingerprint AMT and its version, and the RMCP
/// pong. Uses no credentials. When the device is not AMT, every other AMT probe stops with one line.
/// </summary>
public sealed class AmtIdentifyProbe : AmtProbe
{
    public AmtIdentifyProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.identify";

    public override string Description => "Does the device answer as Intel AMT (Identify, Digest realm, Server header), and which firmware?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "not-amt"];

    protected override bool NeedsPassword => false;

    protected override bool StopsWhenNotAmt => false;

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var contact = scope.Contact;
        if (contact.ResolveLine is { } unresolved) return ProbeResult.Inconclusive(Id, unresolved);
        var evidence = new List<Evidence> { scope.Transport };
        if (contact.FailureLine is { } failure)
        {
            if (contact.Http is { } h) evidence.Add(new Evidence($"TCP {h.Port.ToString(CultureInfo.InvariantCulture)}", h.Text).Keyed("evidence.label.tcp", h.Port));
            if (contact.Tls is { } t) evidence.Add(new Evidence($"TCP {t.Port.ToString(CultureInfo.InvariantCulture)}", t.Text).Keyed("evidence.label.tcp", t.Port));
            return contact.TimedOut
                ? ProbeResult.Error(Id, failure, evidence)
                : ProbeResult.Error(Id, failure with { Text = $"cannot connect: {failure.Text}" }, evidence);
        }

        if (contact.Identify is { } identify)
        {
            evidence.Add(Evidence.Ours("Identify vendor", identify.ProductVendor ?? "(none)"));
            evidence.Add(Evidence.Ours("Identify version", identify.ProductVersion ?? "(none)"));
            evidence.Add(Evidence.Ours("Identify protocol", identify.ProtocolVersion ?? "(none)"));
        }
        else
        {
            evidence.Add(new("Identify", contact.Challenge is { HttpStatus: 401 } ? "requires authentication (HTTP 401)" : $"not answered: {contact.WsmanAnswer ?? "no WS-Man answer"}"));
        }

        evidence.Add(Evidence.Ours("Server header", contact.ServerHeader ?? "(none)"));
        evidence.Add(Evidence.Ours("Digest realm", contact.Challenge?.Realm ?? "(no Digest challenge)"));
        var pong = await contact.PongWithinGraceAsync(cancellationToken).ConfigureAwait(false);
        evidence.Add(new("RMCP ping", pong is null
            ? "no pong (inconclusive: AMT before 4.0 and AMT with RMCP ping off do not answer)"
            : $"{(pong.IsIntel ? "Intel" : $"IANA {pong.IanaEnterprise.ToString(CultureInfo.InvariantCulture)}")} AMT {pong.MajorVersion.ToString(CultureInfo.InvariantCulture)}.{pong.MinorVersion.ToString(CultureInfo.InvariantCulture)}"));
        if (contact.IsAmt)
        {
            var version = contact.Version;
            return version is null
                ? ProbeResult.Pass(Id, "Intel AMT answers", evidence).Keyed("probe.amt.identify.pass")
                : ProbeResult.Pass(Id, $"Intel AMT {version} answers", evidence).Keyed("probe.amt.identify.pass-version", version);
        }

        var what = contact.ServerHeader is { Length: > 0 } s ? $"a {s} web server" : "a service";
        return ProbeResult.Finding(Id, "not-amt",
            $"not an AMT device: {what} answers on port {contact.Port.ToString(CultureInfo.InvariantCulture)} without AMT's Server header, Digest challenge or RMCP pong",
            evidence, AmtDiagnoses.CannotConnect)
            .Keyed(contact.ServerHeader is { Length: > 0 } server
                ? ProbeLine.Of("probe.amt.identify.not-amt-server", "", contact.Port, server)
                : ProbeLine.Of("probe.amt.identify.not-amt", "", contact.Port));
    }
}
