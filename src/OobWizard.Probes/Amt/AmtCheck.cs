using System.Diagnostics;

namespace OobWizard.Probes.Amt;

/// <summary>
/// Runs every AMT probe once. Identify first: the first contact (made once, shared) says whether there is an AMT
/// device to ask; a name that does not resolve is one result, not eleven. WS-Man requests go one at a time (real
/// firmware serves one at a time; the device's gate enforces it), while amt.reachable's port connects and RMCP ping,
/// which send no WS-Man, run alongside. Results are reported in probe order as they become known.
/// </summary>
public static class AmtCheck
{
    /// <summary>Probes that send no WS-Man request after the first contact, so they may run alongside the others.</summary>
    private static readonly HashSet<string> Alongside = new(StringComparer.Ordinal) { "amt.reachable" };

    public static async Task<AmtCheckReport> RunAsync(ProbeContext context, AmtProbeOptions? options = null, Action<AmtCheckEntry>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probes = AmtProbes.All(options);
        var runner = new ProbeRunner(probes);
        var total = Stopwatch.StartNew();
        var slots = new Task<AmtCheckEntry>[probes.Count];

        async Task<AmtCheckEntry> Run(IProbe probe)
        {
            var watch = Stopwatch.StartNew();
            var result = await runner.RunAsync(probe.Id, context, cancellationToken).ConfigureAwait(false);
            return new AmtCheckEntry(result, watch.Elapsed);
        }

        var entries = new List<AmtCheckEntry>();
        var emitted = 0;
        void EmitReady()
        {
            while (emitted < slots.Length && slots[emitted] is { IsCompletedSuccessfully: true } done)
            {
                entries.Add(done.Result);
                onResult?.Invoke(done.Result);
                emitted++;
            }
        }

        // The first probe makes the first contact; everything else waits for it.
        slots[0] = Run(probes[0]);
        await slots[0].ConfigureAwait(false);
        var contact = await context.Run.Amt(context).ContactAsync(context, options ?? AmtProbeOptions.Default, cancellationToken).ConfigureAwait(false);
        if (contact.ResolveProblem is not null)
        {
            EmitReady();
            return new AmtCheckReport(context.Target ?? "", context.User, entries, total.Elapsed);
        }

        for (var i = 1; i < probes.Count; i++)
        {
            if (Alongside.Contains(probes[i].Id)) slots[i] = Run(probes[i]);
        }

        for (var i = 1; i < probes.Count; i++)
        {
            EmitReady();
            if (slots[i] is null)
            {
                slots[i] = Run(probes[i]);
                await slots[i].ConfigureAwait(false);
            }
        }

        await Task.WhenAll(slots).ConfigureAwait(false);
        EmitReady();
        return new AmtCheckReport(context.Target ?? "", context.User, entries, total.Elapsed);
    }
}
