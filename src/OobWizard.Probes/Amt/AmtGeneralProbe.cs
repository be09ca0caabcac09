using System.Globalization;
using System.Text;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.general: AMT_GeneralSettings. AMT's FQDN (HostName.DomainName) against the FQDN in use (the target when it is
/// a name, else <see cref="ProbeContext.Fqdn"/>, else the OS's FQDN AMT reports), its length (WS-Man fails above 44 bytes on firmware later than 3.x,
/// per Amtopmgr.log), and whether ping response is on.
/// </summary>
public sealed class AmtGeneralProbe : AmtProbe
{
    public AmtGeneralProbe(AmtProbeOptions options) : base(options)
    {
    }

    /// <summary>From SP2's Amtopmgr.log text: "WSMAN will fail with FQDN longer than 44 bytes" (seed 000).</summary>
    public const int MaxFqdnBytes = 44;

    public override string Id => "amt.general";

    public override string Description => "Does AMT's FQDN match the name in use, fit in 44 bytes, and is ping response on?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "fqdn-mismatch", "fqdn-too-long", "ping-disabled"];

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        using var client = scope.Client();
        WsmanInstance settings;
        try
        {
            settings = await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanException ex)
        {
            return scope.FromException(ex);
        }

        var fqdn = AmtFqdn(settings);
        var osFqdn = settings["HostOSFQDN"]?.Trim();
        // The name in use: the target when it is a name, else the name the console knows (a scan list's FQDN column,
        // the demo's lab name), else the OS's FQDN as AMT last learnt it.
        var (inUse, source) = AmtProbeSupport.IsDnsName(context.Target) ? (context.Target!.Trim().TrimEnd('.'), "--target")
            : !string.IsNullOrWhiteSpace(context.Fqdn) ? (context.Fqdn.Trim().TrimEnd('.'), "expected FQDN")
            : (osFqdn, "HostOSFQDN");
        var bytes = Encoding.UTF8.GetByteCount(fqdn);
        var ping = settings.Bool("PingResponseEnabled");
        var evidence = new List<Evidence>
        {
            new("AMT FQDN (HostName.DomainName)", fqdn),
            new("AMT FQDN length", $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes (limit {MaxFqdnBytes.ToString(CultureInfo.InvariantCulture)})"),
            new("FQDN in use", string.IsNullOrEmpty(inUse) ? "(unknown)" : $"{inUse} ({source})"),
            Evidence.Ours("SharedFQDN", settings["SharedFQDN"] ?? "(not reported)"),
            Evidence.Ours("PingResponseEnabled", AmtProbeSupport.OnOff(ping)),
            Evidence.Ours("RmcpPingResponseEnabled", AmtProbeSupport.OnOff(settings.Bool("RmcpPingResponseEnabled"))),
            Evidence.Ours("DigestRealm", settings["DigestRealm"] ?? "(not reported)"),
        };

        if (bytes > MaxFqdnBytes)
        {
            return ProbeResult.Finding(Id, "fqdn-too-long", $"AMT's FQDN {fqdn} is {bytes} bytes, over the {MaxFqdnBytes}-byte limit", evidence, AmtDiagnoses.FqdnOver44).Keyed("probe.amt.general.fqdn-too-long", fqdn, bytes, MaxFqdnBytes);
        }

        if (!string.IsNullOrEmpty(inUse) && !string.Equals(inUse, fqdn, StringComparison.OrdinalIgnoreCase))
        {
            return ProbeResult.Finding(Id, "fqdn-mismatch", $"AMT calls itself {fqdn}, but the computer is {inUse}", evidence, AmtDiagnoses.RenamedOrMoved).Keyed("probe.amt.general.fqdn-mismatch", fqdn, inUse);
        }

        if (ping == false)
        {
            return ProbeResult.Finding(Id, "ping-disabled", "AMT does not answer ping", evidence, AmtDiagnoses.SettingsNotApplied).Keyed("probe.amt.general.ping-disabled");
        }

        return ProbeResult.Pass(Id, $"AMT's FQDN is {fqdn}", evidence).Keyed("probe.amt.general.pass", fqdn);
    }

    public static string AmtFqdn(WsmanInstance settings)
    {
        var host = settings["HostName"]?.Trim() ?? "";
        var domain = settings["DomainName"]?.Trim() ?? "";
        return domain.Length == 0 ? host : $"{host}.{domain}";
    }
}
