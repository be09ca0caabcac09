using System.Globalization;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// The frame of every AMT probe. Identify first: the device's first contact (made once per run) decides whether
/// there is anything to ask; a name that does not resolve, a device that cannot be reached or one that is not AMT
/// stops the probe with one line and no request. Then the password: none, or one refused earlier in the run, is
/// never sent; nor is any over a TLS certificate the run's evaluation did not accept.
/// </summary>
public abstract class AmtProbe : IProbe, IProbeBudget
{
    protected AmtProbe(AmtProbeOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public abstract string Id { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<string> Verdicts { get; }

    protected AmtProbeOptions Options { get; }

    /// <summary>Whether the probe sends credentials (then it needs a password the device did not refuse).</summary>
    protected virtual bool NeedsPassword => true;

    /// <summary>Whether the probe answers by itself when the password was refused earlier (amt.auth: the answer is known).</summary>
    protected virtual bool AnswersRefusedPassword => false;

    /// <summary>Whether it stops, like the others, when the device is not AMT or cannot be reached.</summary>
    protected virtual bool StopsWhenNotAmt => true;

    public TimeSpan Budget(ProbeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.IsNullOrWhiteSpace(context.Target) || context.Run.Amt(context).Contacted
            ? context.Timeout
            : context.Timeout + context.FirstContactTimeout;
    }

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AmtProbeSupport.RequireTarget(Id, context) is { } noTarget) return noTarget;
        var device = context.Run.Amt(context);
        var contact = await device.ContactAsync(context, Options, cancellationToken).ConfigureAwait(false);
        if (StopsWhenNotAmt && contact.StopLine is { } stop)
        {
            return contact.ResolveProblem is not null || !contact.IsAmt && contact.Failure is null
                ? ProbeResult.Inconclusive(Id, stop)
                : ProbeResult.Error(Id, stop with { Text = stop.Text + " (see amt.reachable)" });
        }

        TlsEvaluation? tls = null;
        if (NeedsPassword)
        {
            if (AmtProbeSupport.RequirePassword(Id, context) is { } noPassword) return noPassword;
            if (device.NoWsman is { } missing && !AnswersRefusedPassword)
            {
                return ProbeResult.Inconclusive(Id, $"not asked: {missing} (see amt.auth)").Keyed("probe.not-asked-no-wsman");
            }

            if (!AnswersRefusedPassword && context.Run.Credentials.IsRefused(context.User, context.Password))
            {
                return ProbeResult.Inconclusive(Id, $"not asked: the password for {context.User} was refused (see amt.auth); it is not sent again").Keyed("probe.not-asked-refused", context.User);
            }

            if (contact.UseTls)
            {
                tls = await device.TlsAsync(context, Options, cancellationToken).ConfigureAwait(false);
                if (tls.Failure is null && !tls.Acceptable(context))
                {
                    return ProbeResult.Inconclusive(Id,
                        "not asked: the TLS certificate did not validate (see amt.tls), so no credentials were sent (--ca-file with its issuer, or --insecure)",
                        [new("connection", $"https://{contact.Host}:{contact.Port.ToString(CultureInfo.InvariantCulture)}/wsman"), new("TLS problems", string.Join("; ", tls.Problems))]).Keyed("probe.not-asked-tls-invalid");
                }
            }
        }

        using var scope = new AmtProbeScope(Id, context, Options, device, contact, tls);
        try
        {
            return scope.WithSlowAnswers(await RunAsync(scope, cancellationToken).ConfigureAwait(false));
        }
        catch (WsmanException ex)
        {
            if (ex is WsmanProtocolException { HttpStatus: 404 }) device.NoWsman = "no WS-Management at /wsman on this firmware (HTTP 404 after authentication: before AMT 3.x)";
            return scope.WithSlowAnswers(scope.FromException(ex));
        }
    }

    /// <summary>The probe's own work, once the device is known to be AMT (and the password usable, if needed).</summary>
    protected abstract Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken);
}
