using System.Globalization;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.redirection: AMT_RedirectionService. EnabledState 32768-32771 carries IDER in bit 0 and SOL in bit 1
/// (MeshCommander); ListenerEnabled must also be true for either to work.
/// </summary>
public sealed class AmtRedirectionProbe : AmtProbe
{
    public AmtRedirectionProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.redirection";

    public override string Description => "Are Serial over LAN, IDE redirection and the redirection listener enabled?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "disabled"];

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        using var client = scope.Client();
        WsmanInstance service;
        try
        {
            service = await client.GetAsync("AMT_RedirectionService", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanException ex)
        {
            return scope.FromException(ex);
        }

        var state = service.Long("EnabledState");
        var listener = service.Bool("ListenerEnabled");
        bool? ider = state is >= 32768 and <= 32771 ? (state.Value & 1) != 0 : null;
        bool? sol = state is >= 32768 and <= 32771 ? (state.Value & 2) != 0 : null;
        var evidence = new List<Evidence>
        {
            Evidence.Ours("EnabledState", state?.ToString(CultureInfo.InvariantCulture) ?? "(not reported)"),
            Evidence.Ours("Serial over LAN", AmtProbeSupport.OnOff(sol)),
            Evidence.Ours("IDE redirection", AmtProbeSupport.OnOff(ider)),
            Evidence.Ours("ListenerEnabled", AmtProbeSupport.OnOff(listener)),
        };
        if (sol is null || ider is null)
        {
            return ProbeResult.Inconclusive(Id, "AMT reported an EnabledState this probe does not know", evidence).Keyed("probe.amt.redirection.unknown-state");
        }

        var off = new List<string>();
        if (sol == false) off.Add("Serial over LAN");
        if (ider == false) off.Add("IDE redirection");
        if (listener != true) off.Add("the redirection listener");
        return off.Count == 0
            ? ProbeResult.Pass(Id, "SOL, IDE redirection and the listener are enabled", evidence).Keyed("probe.amt.redirection.pass")
            : ProbeResult.Finding(Id, "disabled", $"{Join(off)} {(off.Count == 1 ? "is" : "are")} disabled", evidence, AmtDiagnoses.RedirectionDisabled)
                .Keyed("probe.amt.redirection.disabled", Off(sol == false, ider == false, listener != true));
    }

    /// <summary>What is off, as a message of its own (<c>probe.amt.redirection.off.SIL</c>, one digit each for SOL, IDE-R and the listener).</summary>
    private static ProbeLine Off(bool sol, bool ider, bool listener) =>
        ProbeLine.Of($"probe.amt.redirection.off.{(sol ? 1 : 0)}{(ider ? 1 : 0)}{(listener ? 1 : 0)}",
            string.Join(", ", new[] { (sol, "Serial over LAN"), (ider, "IDE redirection"), (listener, "ListenerEnabled") }.Where(x => x.Item1).Select(x => x.Item2)));

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
