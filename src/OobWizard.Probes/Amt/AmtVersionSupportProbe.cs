using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.version-support: the firmware version (CIM_SoftwareIdentity "AMT" when credentials work, else the Server
/// header of the 401 challenge, else Identify) against <see cref="ConfigMgrAmtSupport"/>.
/// </summary>
public sealed class AmtVersionSupportProbe : IProbe
{
    public string Id => "amt.version-support";

    public string Description => "Does ConfigMgr 2007 SP1/SP2 support this AMT firmware version natively?";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "unsupported"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (AmtProbeSupport.RequireTarget(Id, context) is { } missing) return missing;
        using var client = AmtProbeSupport.CreateClient(context);
        var evidence = new List<Evidence>();
        AmtVersion? version = null;
        WsmanException? lastError = null;
        if (!string.IsNullOrEmpty(context.Password))
        {
            try
            {
                var software = await client.EnumerateAsync("CIM_SoftwareIdentity", cancellationToken: cancellationToken).ConfigureAwait(false);
                var amt = software.FirstOrDefault(s => string.Equals(s["InstanceID"], "AMT", StringComparison.Ordinal));
                var build = software.FirstOrDefault(s => string.Equals(s["InstanceID"], "Build Number", StringComparison.Ordinal))?["VersionString"];
                version = AmtVersion.Parse(amt?["VersionString"]);
                if (version is not null && build is not null && int.TryParse(build, out var b)) version = version with { Build = b };
                if (version is not null) evidence.Add(new("version source", "CIM_SoftwareIdentity AMT"));
            }
            catch (WsmanException ex)
            {
                lastError = ex;
            }
        }

        if (version is null)
        {
            try
            {
                var challenge = await client.ProbeChallengeAsync(cancellationToken).ConfigureAwait(false);
                version = challenge.Version;
                if (version is not null) evidence.Add(new("version source", $"Server header \"{challenge.ServerHeader}\""));
            }
            catch (WsmanException ex)
            {
                lastError = ex;
            }
        }

        if (version is null)
        {
            try
            {
                var identify = await client.IdentifyAsync(cancellationToken).ConfigureAwait(false);
                version = AmtVersion.Parse(identify.ProductVersion);
                if (version is not null) evidence.Add(new("version source", $"Identify \"{identify.ProductVersion}\""));
            }
            catch (WsmanException ex)
            {
                lastError = ex;
            }
        }

        if (version is null)
        {
            return lastError is not null
                ? AmtProbeSupport.FromException(Id, context, lastError)
                : ProbeResult.Inconclusive(Id, "AMT did not reveal its firmware version", evidence);
        }

        evidence.Insert(0, new("firmware", version.ToString()));
        var supportedBy = new List<string>();
        foreach (var rule in ConfigMgrAmtSupport.Rules)
        {
            var ok = ConfigMgrAmtSupport.IsSupported(rule, version);
            if (ok) supportedBy.Add(rule.Release);
            evidence.Add(new(rule.Release, $"{(ok ? "native support" : "not native (Intel WS-MAN Translator needed)")}: {rule.Minimum} and later{(rule.Verified ? "" : " (unverified)")}"));
        }

        evidence.Add(new("SP2 audit log", version.CompareTo(ConfigMgrAmtSupport.AuditingMinimum) >= 0
            ? "available (AMT 4.0 and later)"
            : $"not available: AMT before 4.0 has no auditing ({ConfigMgrAmtSupport.AuditingSource})"));
        evidence.Add(new("table source", string.Join("; ", ConfigMgrAmtSupport.Rules.Select(r => r.Source).Distinct())));
        return supportedBy.Count > 0
            ? ProbeResult.Pass(Id, $"AMT {version} is supported natively by {string.Join(" and ", supportedBy)}", evidence)
            : ProbeResult.Finding(Id, "unsupported", $"AMT {version} is not supported natively by ConfigMgr 2007", evidence, AmtDiagnoses.VersionUnsupported);
    }
}
