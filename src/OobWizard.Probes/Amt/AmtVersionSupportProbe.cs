using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.version-support: the firmware version (CIM_SoftwareIdentity "AMT" when credentials work, else what the first
/// contact saw: the Server header of the 401 challenge or Identify) against <see cref="ConfigMgrAmtSupport"/>, which
/// has an upper bound as well as a lower one.
/// </summary>
public sealed class AmtVersionSupportProbe : AmtProbe
{
    public AmtVersionSupportProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.version-support";

    public override string Description => "Does ConfigMgr 2007 SP1/SP2 support this AMT firmware version natively?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "unsupported"];

    /// <summary>The version is also in the first contact's answers, so no password is needed.</summary>
    protected override bool NeedsPassword => false;

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        var evidence = new List<Evidence>();
        AmtVersion? version = null;
        var canAuthenticate = !string.IsNullOrEmpty(context.Password) && !context.Run.Credentials.IsRefused(context.User, context.Password)
            && (!scope.Contact.UseTls || (await scope.Device.TlsAsync(context, Options, cancellationToken).ConfigureAwait(false)).Acceptable(context));
        if (canAuthenticate)
        {
            var tls = scope.Contact.UseTls ? await scope.Device.TlsAsync(context, Options, cancellationToken).ConfigureAwait(false) : null;
            using var client = scope.Client(tls);
            try
            {
                var software = await client.EnumerateAsync("CIM_SoftwareIdentity", cancellationToken: cancellationToken).ConfigureAwait(false);
                var amt = software.FirstOrDefault(s => string.Equals(s["InstanceID"], "AMT", StringComparison.Ordinal));
                var build = software.FirstOrDefault(s => string.Equals(s["InstanceID"], "Build Number", StringComparison.Ordinal))?["VersionString"];
                version = AmtVersion.Parse(amt?["VersionString"]);
                if (version is not null && build is not null && int.TryParse(build, out var b)) version = version with { Build = b };
                if (version is not null) evidence.Add(new("version source", "CIM_SoftwareIdentity AMT"));
            }
            catch (WsmanException)
            {
                // The unauthenticated answers below still carry the version.
            }
        }

        if (version is null && scope.Contact.Version is { } seen)
        {
            version = seen;
            evidence.Add(new("version source", scope.Contact.Challenge?.Version is not null || AmtVersion.FromServerHeader(scope.Contact.ServerHeader) is not null
                ? $"Server header \"{scope.Contact.ServerHeader}\""
                : $"Identify \"{scope.Contact.Identify?.ProductVersion}\""));
        }

        if (version is null)
        {
            return ProbeResult.Inconclusive(Id, "AMT did not reveal its firmware version", evidence).Keyed("probe.amt.version-support.unknown");
        }

        evidence.Insert(0, new("firmware", version.ToString()));
        var supportedBy = new List<string>();
        foreach (var rule in ConfigMgrAmtSupport.Rules)
        {
            var ok = rule.Supports(version);
            if (ok) supportedBy.Add(rule.Release);
            var why = ok ? "native support" : version.CompareTo(rule.Minimum) < 0 ? "older than it supports (Intel WS-MAN Translator needed)" : "newer than it knows";
            evidence.Add(new Evidence(rule.Release, $"{why}: supports AMT {rule.RangeText}{(rule.Verified ? "" : " (unverified)")}").Keyed("evidence.label.configmgr-release", rule.Release));
        }

        evidence.Add(new("SP2 audit log", version.CompareTo(ConfigMgrAmtSupport.AuditingMinimum) >= 0
            ? "available (AMT 4.0 and later)"
            : $"not available: AMT before 4.0 has no auditing ({ConfigMgrAmtSupport.AuditingSource})"));
        evidence.Add(new("table source", string.Join("; ", ConfigMgrAmtSupport.Rules.Select(r => r.Source).Distinct())));
        if (supportedBy.Count > 0)
        {
            return ProbeResult.Pass(Id, $"AMT {version} is supported natively by {string.Join(" and ", supportedBy)}", evidence).Keyed("probe.amt.version-support.pass", version, string.Join(", ", supportedBy));
        }

        var newest = ConfigMgrAmtSupport.Rules.Max(r => r.Below)!;
        if (version.CompareTo(newest) >= 0)
        {
            evidence.Add(new("what the site can do", ConfigMgrAmtSupport.BeyondAdvice));
            return ProbeResult.Finding(Id, "unsupported",
                $"AMT {version} is newer than any ConfigMgr 2007 release supports (SP2 knows AMT up to {newest.Major - 1}.x): {ConfigMgrAmtSupport.BeyondAdvice}",
                evidence, AmtDiagnoses.VersionUnsupported).Keyed("probe.amt.version-support.too-new", version, newest.Major - 1);
        }

        evidence.Add(new("what the site can do", ConfigMgrAmtSupport.BelowAdvice));
        return ProbeResult.Finding(Id, "unsupported", $"AMT {version} is not supported natively by ConfigMgr 2007: {ConfigMgrAmtSupport.BelowAdvice}", evidence, AmtDiagnoses.VersionUnsupported).Keyed("probe.amt.version-support.too-old", version);
    }
}
