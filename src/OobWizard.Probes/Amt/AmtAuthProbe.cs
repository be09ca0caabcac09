using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.auth: are the credentials accepted? One authenticated Get over Digest. A SOAP fault (even AccessDenied) means
/// the login itself worked; only HTTP 401 to a Digest answer is a refusal, and then the password is not sent again in
/// this run (AMT can lock the account after repeated failures). "Another management solution owns it" is suggested
/// only when the evidence points there: AMT says it is provisioned (RMCP pong) and refuses ConfigMgr's account.
/// </summary>
public sealed class AmtAuthProbe : AmtProbe
{
    public AmtAuthProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.auth";

    public override string Description => "Does AMT accept the user name and password (HTTP Digest)?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "refused"];

    protected override bool AnswersRefusedPassword => true;

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        var evidence = new List<Evidence> { scope.Transport, new("user", context.User) };
        if (context.Run.Credentials.IsRefused(context.User, context.Password))
        {
            // Known already: AMT refused this password earlier in the run. Say so again without sending it.
            evidence.Add(new("answer", "refused earlier in this run (HTTP 401); not sent again"));
            return await RefusedAsync(scope, evidence, cancellationToken).ConfigureAwait(false);
        }

        using var client = scope.Client();
        try
        {
            await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellationToken).ConfigureAwait(false);
            evidence.Add(AmtProbeSupport.RoundTrip(client));
            return ProbeResult.Pass(Id, $"AMT accepts the credentials of {context.User}", evidence).Keyed("probe.amt.auth.pass", context.User);
        }
        catch (WsmanFaultException fault)
        {
            evidence.Add(new("AMT_GeneralSettings", $"fault {fault.Subcode}: {fault.Reason}"));
            return ProbeResult.Pass(Id, $"AMT accepts the credentials of {context.User} (but answered {fault.Subcode})", evidence).Keyed("probe.amt.auth.pass-fault", context.User, fault.Subcode);
        }
        catch (WsmanProtocolException ex) when (ex.HttpStatus == 404)
        {
            // The Digest exchange succeeded (a refusal is 401); the firmware just has no WS-Man (AMT before 3.x).
            scope.Device.NoWsman = "no WS-Management at /wsman on this firmware (HTTP 404 after authentication: before AMT 3.x)";
            evidence.Add(new("answer", "HTTP 404 after authentication: no WS-Management service at /wsman"));
            return ProbeResult.Pass(Id, $"AMT accepts the credentials of {context.User} (but has no WS-Management: firmware before AMT 3.x?)", evidence).Keyed("probe.amt.auth.pass-no-wsman", context.User);
        }
        catch (WsmanAuthenticationException ex) when (ex.CredentialsSent)
        {
            if (ex.Challenge.Realm is { } realm) evidence.Add(new("Digest realm", realm));
            if (ex.Challenge.ServerHeader is { } server) evidence.Add(new("Server header", server));
            evidence.Add(new("answer", "HTTP 401: \"Log on failed. Incorrect user name or password, or user account temporarily locked.\""));
            evidence.Add(new("sent again", "no: a refused password is not sent again in this run (AMT can lock the account)"));
            return await RefusedAsync(scope, evidence, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The refusal, and what it points to: "another management solution" only when AMT says it is provisioned (RMCP
    /// pong) and refuses ConfigMgr's account; otherwise just the password.
    /// </summary>
    private async Task<ProbeResult> RefusedAsync(AmtProbeScope scope, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        {
            var pong = await scope.Contact.PongWithinGraceAsync(cancellationToken).ConfigureAwait(false);
            var provisioned = pong?.IsIntel == true && pong.ProvisioningState == 2;
            evidence.Add(new("provisioning state (RMCP)", pong is null ? "unknown (no RMCP pong)" : pong.ProvisioningStateText));
            return provisioned
                ? ProbeResult.Finding(Id, "refused", $"AMT refused the password for {context.User}; it is provisioned, so either the password is wrong or another management solution provisioned it", evidence, AmtDiagnoses.OtherManagementSolution).Keyed("probe.amt.auth.refused-provisioned", context.User)
                : ProbeResult.Finding(Id, "refused", $"AMT refused the password for {context.User}; check it and enter it again", evidence).Keyed("probe.amt.auth.refused", context.User);
        }
    }
}
