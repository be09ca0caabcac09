using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.identify: is this AMT, and which firmware? Uses only unauthenticated answers: WS-Man Identify, and the 401
/// challenge whose Digest realm and Server header fingerprint AMT and its version.
/// </summary>
public sealed class AmtIdentifyProbe : IProbe
{
    public string Id => "amt.identify";

    public string Description => "Does the device answer as Intel AMT (Identify, Digest realm, Server header), and which firmware?";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "not-amt"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (AmtProbeSupport.RequireTarget(Id, context) is { } missing) return missing;
        using var client = AmtProbeSupport.CreateClient(context);
        var evidence = new List<Evidence> { AmtProbeSupport.Transport(context) };
        IdentifyResult? identify = null;
        try
        {
            identify = await client.IdentifyAsync(cancellationToken).ConfigureAwait(false);
            evidence.Add(new("Identify vendor", identify.ProductVendor ?? "(none)"));
            evidence.Add(new("Identify version", identify.ProductVersion ?? "(none)"));
            evidence.Add(new("Identify protocol", identify.ProtocolVersion ?? "(none)"));
            evidence.Add(AmtProbeSupport.RoundTrip(client));
        }
        catch (WsmanAuthenticationException)
        {
            evidence.Add(new("Identify", "requires authentication (HTTP 401)"));
        }
        catch (WsmanProtocolException ex)
        {
            evidence.Add(new("Identify", $"not answered: {ex.Message}"));
        }
        catch (WsmanFaultException ex)
        {
            evidence.Add(new("Identify", $"fault {ex.Subcode}"));
        }
        catch (WsmanException ex)
        {
            // Refused, reset or silent: asking again for the challenge would only spend the rest of the bound.
            return AmtProbeSupport.FromException(Id, context, ex);
        }

        AmtChallenge challenge;
        try
        {
            challenge = await client.ProbeChallengeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanException ex) when (identify is null)
        {
            return AmtProbeSupport.FromException(Id, context, ex);
        }
        catch (WsmanException)
        {
            challenge = new AmtChallenge(0, null, client.LastServerHeader, []);
        }

        evidence.Add(new("Server header", challenge.ServerHeader ?? client.LastServerHeader ?? "(none)"));
        evidence.Add(new("Digest realm", challenge.Realm ?? "(no Digest challenge)"));
        var version = challenge.Version ?? AmtVersion.Parse(identify?.ProductVersion);
        if (identify?.IsIntelAmt == true || challenge.LooksLikeAmt)
        {
            return ProbeResult.Pass(Id, version is null ? "Intel AMT answers" : $"Intel AMT {version} answers", evidence);
        }

        return ProbeResult.Finding(Id, "not-amt", "the device answers on the AMT port but does not look like Intel AMT", evidence, AmtDiagnoses.CannotConnect);
    }
}
