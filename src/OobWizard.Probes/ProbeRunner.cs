namespace OobWizard.Probes;

/// <summary>
/// Runs probes with a time bound; a probe that throws or overruns becomes an Error result,
/// never an exception to the caller (one broken check must not take the tool down).
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
            return ProbeResult.Inconclusive(probeId, $"probe {probeId} is not available in this build");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(context.Timeout);
        try
        {
            var task = probe.RunAsync(context, timeout.Token);
            // A probe that ignores its token still must not hold the wizard: race it against the bound.
            var finished = await Task.WhenAny(task, Task.Delay(context.Timeout + TimeSpan.FromMilliseconds(250), cancellationToken)).ConfigureAwait(false);
            if (finished != task)
            {
                _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                return ProbeResult.Error(probeId, $"no answer within {context.Timeout.TotalSeconds:0.#} s");
            }

            return await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Error(probeId, $"no answer within {context.Timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ProbeResult.Error(probeId, $"{probe.Id} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
