using System.Diagnostics;

namespace OobWizard.Probes.Amt;

/// <summary>
/// Runs every AMT probe once, one after another: real firmware serves few connections at a time, and a check that
/// floods it would disturb what it measures. When the WS-Man port gives no usable answer at all (amt.identify
/// errors: refused, reset or silent), the probes that need it are skipped instead of each waiting out its bound.
/// </summary>
public static class AmtCheck
{
    /// <summary>Probes that talk to the device without WS-Man on the HTTP/TLS port, so they run regardless.</summary>
    private static readonly HashSet<string> Independent = new(StringComparer.Ordinal) { "amt.reachable", "amt.identify", "amt.tls" };

    public static async Task<AmtCheckReport> RunAsync(ProbeContext context, AmtProbeOptions? options = null, Action<AmtCheckEntry>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probes = AmtProbes.All(options);
        var runner = new ProbeRunner(probes);
        var entries = new List<AmtCheckEntry>();
        var total = Stopwatch.StartNew();
        ProbeResult? unreachable = null;
        foreach (var probe in probes)
        {
            var watch = Stopwatch.StartNew();
            var result = unreachable is not null && !Independent.Contains(probe.Id)
                ? ProbeResult.Error(probe.Id, $"skipped: the WS-Man port gave no answer ({unreachable.Summary})")
                : await runner.RunAsync(probe.Id, context, cancellationToken).ConfigureAwait(false);
            if (probe.Id == "amt.identify" && result.Outcome == ProbeOutcome.Error)
            {
                unreachable = result;
            }

            var entry = new AmtCheckEntry(result, watch.Elapsed);
            entries.Add(entry);
            onResult?.Invoke(entry);
        }

        return new AmtCheckReport(context.Target ?? "", context.User, entries, total.Elapsed);
    }
}
