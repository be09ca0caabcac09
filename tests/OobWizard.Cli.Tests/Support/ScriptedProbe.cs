using OobWizard.Probes;

namespace OobWizard.Cli.Tests.Support;

/// <summary>A probe whose answer the test decides (and that sees the real cancellation token).</summary>
public sealed class ScriptedProbe(string id, Func<ProbeContext, CancellationToken, Task<ProbeResult>> run) : IProbe
{
    public string Id { get; } = id;

    public string Description => "scripted for a test";

    public IReadOnlyList<string> Verdicts => ["pass"];

    public int Runs { get; private set; }

    public List<ProbeContext> Contexts { get; } = [];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        Runs++;
        Contexts.Add(context);
        return run(context, cancellationToken);
    }

    /// <summary>Never answers; completes (cancelled) only when its token fires, and notes when.</summary>
    public static ScriptedProbe Hanging(string id, TaskCompletionSource cancelled) => new(id, async (_, ct) =>
    {
        using var registration = ct.Register(() => cancelled.TrySetResult());
        await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        throw new InvalidOperationException("unreachable");
    });
}
