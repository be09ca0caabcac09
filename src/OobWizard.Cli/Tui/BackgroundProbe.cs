using System.Diagnostics;
using OobWizard.Cli.Wizard;
using OobWizard.Probes;

namespace OobWizard.Cli.Tui;

/// <summary>
/// A probe running in the background for the window: which probe, at which node, whether it is a
/// fix re-check, its cancellation (Esc, Skip), its clock for the progress line, and its bound.
/// </summary>
public sealed class BackgroundProbe(string probeId, string nodeId, FixCheck? check, ProbeContext context, CancellationTokenSource cts, Stopwatch clock)
{
    public string ProbeId { get; } = probeId;

    public string NodeId { get; } = nodeId;

    public FixCheck? Check { get; } = check;

    /// <summary>What the probe runs with (its password is checked against the run's refused ones afterwards).</summary>
    public ProbeContext Context { get; } = context;

    public CancellationTokenSource Cts { get; } = cts;

    public Stopwatch Clock { get; } = clock;

    public TimeSpan Timeout => Context.Timeout;

    public Task<ProbeResult>? Task { get; set; }

    /// <summary>The progress line's refresh timer (removed when the probe ends or is skipped).</summary>
    public object? Timer { get; set; }
}
