using System.Diagnostics;
using Spectre.Console;

namespace OobWizard.Cli.Scan;

/// <summary>
/// Shows a running scan: done/total, devices with findings, rate and time left. On a terminal, Spectre.Console's
/// progress bar (cleared at the end, so the summary follows it); elsewhere one plain line every
/// <see cref="PlainEvery"/> to standard error (CI logs, redirected output); nothing when there is neither.
/// </summary>
public sealed class ScanProgress
{
    public static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    private readonly IAnsiConsole? _live;
    private readonly TextWriter? _plain;
    private readonly Func<(int Done, int Total, int Findings)> _state;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly int _doneAtStart;

    /// <param name="live">A terminal console to draw the bar on, or null.</param>
    /// <param name="plain">Where plain progress lines go when there is no terminal, or null for none.</param>
    /// <param name="state">Devices done (this run and before), devices in the run, devices with findings.</param>
    public ScanProgress(IAnsiConsole? live, TextWriter? plain, Func<(int Done, int Total, int Findings)> state)
    {
        _live = live;
        _plain = plain;
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _doneAtStart = state().Done;
    }

    /// <summary>Shows the progress while <paramref name="work"/> runs; returns its result.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_live is null)
        {
            var running = work();
            var last = _watch.Elapsed;
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(250))).ConfigureAwait(false);
                if (_plain is not null && _watch.Elapsed - last >= PlainEvery && !running.IsCompleted)
                {
                    last = _watch.Elapsed;
                    var (done, total, findings) = _state();
                    _plain.WriteLine(ScanText.ProgressLine(done, total, findings, Rate(done), Left(done, total)));
                }
            }

            return await running.ConfigureAwait(false);
        }

        return await _live.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 16 }, new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var (done, total, findings) = _state();
                var task = context.AddTask(ScanText.Progress(done, total, findings, 0), maxValue: Math.Max(total, 1));
                var running = work();
                while (true)
                {
                    (done, total, findings) = _state();
                    task.Description = Markup.Escape(ScanText.Progress(done, total, findings, Rate(done)));
                    task.Value = done;
                    if (running.IsCompleted) break;
                    await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(200))).ConfigureAwait(false);
                }

                return await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private double Rate(int done)
    {
        // The first devices take a whole check each: a rate from the first two seconds says little.
        var seconds = _watch.Elapsed.TotalSeconds;
        return seconds < 2 ? 0 : (done - _doneAtStart) / seconds;
    }

    private TimeSpan? Left(int done, int total)
    {
        var rate = Rate(done);
        return rate <= 0 ? null : TimeSpan.FromSeconds((total - done) / rate);
    }
}
