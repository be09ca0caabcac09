using System.Globalization;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.power: reads CIM_AssociatedPowerManagementService.PowerState, then one non-power class. When only the power
/// state answers, the console shows just that: the "power state only" symptom.
/// </summary>
public sealed class AmtPowerProbe : AmtProbe
{
    public AmtPowerProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.power";

    public override string Description => "Can the power state be read, and do calls beyond the power state work too?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "power-only"];

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        using var client = scope.Client();
        WsmanInstance power;
        try
        {
            power = await client.GetAsync("CIM_AssociatedPowerManagementService", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanException ex)
        {
            return scope.FromException(ex);
        }

        var state = power.Long("PowerState");
        var evidence = new List<Evidence>
        {
            scope.Transport,
            new("PowerState", state is null ? "(not reported)" : $"{state.Value.ToString(CultureInfo.InvariantCulture)} ({PowerStateName(state.Value)})"),
            AmtProbeSupport.RoundTrip(client),
        };
        try
        {
            await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellationToken).ConfigureAwait(false);
            evidence.Add(Evidence.Ours("AMT_GeneralSettings", "readable"));
            return ProbeResult.Pass(Id, $"power state {PowerStateName(state ?? 0)}; other calls work too", evidence).Keyed("probe.amt.power.pass", PowerStateLine(state ?? 0));
        }
        // How firmware refuses a realm the account lacks is not recorded anywhere we could find: accept the WS-Man
        // AccessDenied fault, a 401 and a bare 403 alike.
        catch (WsmanException ex) when (ex is WsmanFaultException { IsAccessDenied: true } or WsmanAuthenticationException or WsmanProtocolException { HttpStatus: 403 })
        {
            evidence.Add(new("AMT_GeneralSettings", ex switch
            {
                WsmanFaultException f => $"refused: {f.Subcode}",
                WsmanProtocolException => "refused: HTTP 403",
                _ => "refused: HTTP 401",
            }));
            return ProbeResult.Finding(Id, "power-only", "only the power state can be read; other calls are refused", evidence, AmtDiagnoses.PowerStateOnly).Keyed("probe.amt.power.power-only");
        }
        catch (WsmanException ex)
        {
            evidence.Add(new("AMT_GeneralSettings", ex.Message));
            return ProbeResult.Inconclusive(Id, $"power state {PowerStateName(state ?? 0)}; the second call failed: {ex.Message}", evidence).Keyed("probe.amt.power.second-failed", PowerStateLine(state ?? 0), ex.Message);
        }
    }

    /// <summary>The power state's name as a message (<c>probe.power-state.N</c>, or <c>probe.power-state.unknown</c>).</summary>
    public static ProbeLine PowerStateLine(long value) =>
        ProbeLine.Of(value is >= 2 and <= 17 ? "probe.power-state." + value.ToString(CultureInfo.InvariantCulture) : "probe.power-state.unknown", PowerStateName(value));

    /// <summary>DMTF CIM 2.46 PowerState values (MeshCommander's table shifts values from 12 up; this one does not).</summary>
    public static string PowerStateName(long value) => value switch
    {
        2 => "on",
        3 => "sleep - light",
        4 => "sleep - deep",
        5 => "power cycle (off - soft)",
        6 => "off - hard",
        7 => "hibernate (off - soft)",
        8 => "off - soft",
        9 => "power cycle (off - hard)",
        10 => "master bus reset",
        11 => "diagnostic interrupt (NMI)",
        12 => "off - soft graceful",
        13 => "off - hard graceful",
        14 => "master bus reset graceful",
        15 => "power cycle (off - soft graceful)",
        16 => "power cycle (off - hard graceful)",
        17 => "diagnostic interrupt (INIT)",
        _ => "unknown",
    };
}
