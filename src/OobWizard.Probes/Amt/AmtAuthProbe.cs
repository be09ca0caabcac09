using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.auth: are the credentials accepted? One authenticated Get over Digest. A SOAP fault (even AccessDenied) means
/// the login itself worked; only HTTP 401 after the Digest exchange is a refusal.
/// </summary>
public sealed class AmtAuthProbe : IProbe
{
    public string Id => "amt.auth";

    public string Description => "Does AMT accept the user name and password (HTTP Digest)?";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "refused"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (AmtProbeSupport.RequirePassword(Id, context) is { } missing) return missing;
        using var client = AmtProbeSupport.CreateClient(context);
        var evidence = new List<Evidence> { AmtProbeSupport.Transport(context), new("user", context.User) };
        try
        {
            await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellationToken).ConfigureAwait(false);
            evidence.Add(AmtProbeSupport.RoundTrip(client));
            return ProbeResult.Pass(Id, $"AMT accepts the credentials of {context.User}", evidence);
        }
        catch (WsmanFaultException fault)
        {
            evidence.Add(new("AMT_GeneralSettings", $"fault {fault.Subcode}: {fault.Reason}"));
            return ProbeResult.Pass(Id, $"AMT accepts the credentials of {context.User} (but answered {fault.Subcode})", evidence);
        }
        catch (WsmanProtocolException ex) when (ex.HttpStatus == 404)
        {
            // The Digest exchange succeeded (a refusal is 401); the firmware just has no WS-Man (AMT before 3.x).
            evidence.Add(new("answer", "HTTP 404 after authentication: no WS-Management service at /wsman"));
            return ProbeResult.Pass(Id, $"AMT accepts the credentials of {context.User} (but has no WS-Management: firmware before AMT 3.x?)", evidence);
        }
        catch (WsmanAuthenticationException ex) when (ex.CredentialsSent)
        {
            if (ex.Challenge.Realm is { } realm) evidence.Add(new("Digest realm", realm));
            if (ex.Challenge.ServerHeader is { } server) evidence.Add(new("Server header", server));
            evidence.Add(new("answer", "HTTP 401: Log on failed (wrong password, unknown user, locked account, or another solution owns AMT)"));
            return ProbeResult.Finding(Id, "refused", $"AMT refuses the credentials of {context.User}", evidence, AmtDiagnoses.OtherManagementSolution);
        }
        catch (WsmanException ex)
        {
            return AmtProbeSupport.FromException(Id, context, ex);
        }
    }
}
