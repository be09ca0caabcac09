namespace OobWizard.Probes;

/// <summary>
/// Runs probes with a time bound; a probe that throws or overruns becomes an Error result,
/// never an exception to the caller (one broken check must not take the tool down). The one exception is the
/// caller's own cancellation (Ctrl+C): then <see cref="OperationCanceledException"/> goes up and no result is made,
/// so an interrupted probe is never recorded as "no answer".
/// </summary>
public sealed class ProbeRunner
{
    private readonly IReadOnlyDictionary<string, IProbe> _probes;

    public ProbeRunner(IEnumerable<IProbe> probes)
    {
        _probes = probes.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<IProbe> Probes => _probes.Values.ToList();

    public bool Has(string probeId) => _probes.ContainsKey(probeId);

    public async Task<ProbeResult> RunAsync(string probeId, ProbeContext context, CancellationToken cancellationToken = default)
    {
        if (!_probes.TryGetValue(probeId, out var probe))
        {
            return ProbeResult.Inconclusive(probeId, $"probe {probeId} is not available in this build").Keyed("probe.runner.unavailable", probeId);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var bound = probe is IProbeBudget budget ? budget.Budget(context) : context.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        ProbeResult result;
        try
        {
            var task = probe.RunAsync(context, timeout.Token);
            // A probe that ignores its token still must not hold the wizard: race it against the bound. The race's
            // timer is stopped once the probe is done, so a scan of thousands does not leave one per probe ticking.
            using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var finished = await Task.WhenAny(task, Task.Delay(bound + TimeSpan.FromMilliseconds(250), race.Token)).ConfigureAwait(false);
            await race.CancelAsync().ConfigureAwait(false);
            if (finished != task)
            {
                _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                // The user's Ctrl+C also ends the race: that is an interruption, never "no answer".
                cancellationToken.ThrowIfCancellationRequested();
                return ProbeResult.Error(probeId, $"no answer within {bound.TotalSeconds:0.#} s").Keyed("probe.timeout", bound.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            }

            result = await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Error(probeId, $"no answer within {bound.TotalSeconds:0.#} s").Keyed("probe.timeout", bound.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ProbeResult.Error(probeId, $"{probe.Id} failed: {ex.GetType().Name}: {ex.Message}").Keyed("probe.failed", probe.Id, ex.GetType().Name, ex.Message);
        }

        // Whatever a probe made of being interrupted (a timeout text, an error) is not evidence: the caller was
        // interrupted, so nothing is recorded and the interruption goes on up.
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }
}
