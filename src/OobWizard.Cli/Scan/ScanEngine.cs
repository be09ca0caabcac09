using OobWizard.Probes;
using OobWizard.Probes.Amt;

namespace OobWizard.Cli.Scan;

/// <summary>
/// Runs `check` against many devices at once, at most <see cref="Parallel"/> at a time. Each device gets a
/// <see cref="ProbeRun"/> of its own (its own one-request-at-a-time gate, first contact and refused passwords), and
/// all of them share one <see cref="SiteCredentialGate"/> unless the user said to go on past refusals. A device's
/// result is handed to <c>onResult</c> as soon as its check ends; a device whose check was cut short (Ctrl+C, the gate
/// closing) is not reported and goes back to the queue, so a run stopped and resumed checks it whole.
/// </summary>
public sealed class ScanEngine
{
    /// <summary>Times a device is put back because the site gate held it past its probe's bound, before its result counts anyway.</summary>
    private const int MaxHolds = 3;

    private readonly Lock _lock = new();
    private readonly LinkedList<ScanTarget> _queue;
    private readonly Dictionary<ScanTarget, int> _holds = [];
    private readonly Dictionary<ScanTarget, (CancellationTokenSource Cts, ProbeRun Run)> _running = [];
    private readonly ProbeContext _template;
    private readonly AmtProbeOptions _options;
    private readonly Func<ScanDeviceResult, ValueTask> _onResult;
    private int _inFlight;
    private bool _overruled;
    private bool _siteStopped;

    /// <param name="template">Options every device shares (user, password, ports, timeouts); each device's host, FQDN and run replace its own.</param>
    /// <param name="site">The scan's credential gate; null when refusals must not stop the scan (<c>--continue-on-auth-fail</c>).</param>
    public ScanEngine(IReadOnlyList<ScanTarget> targets, ProbeContext template, AmtProbeOptions options, int parallel, SiteCredentialGate? site, Func<ScanDeviceResult, ValueTask> onResult)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        _queue = new LinkedList<ScanTarget>(targets);
        _template = template ?? throw new ArgumentNullException(nameof(template));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _onResult = onResult ?? throw new ArgumentNullException(nameof(onResult));
        Parallel = parallel;
        Site = site;
        Total = targets.Count;
    }

    public int Parallel { get; }

    public SiteCredentialGate? Site { get; }

    /// <summary>Devices this run was given.</summary>
    public int Total { get; }

    /// <summary>Devices being checked right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Devices not yet checked (queued or in flight).</summary>
    public int Remaining
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count + Volatile.Read(ref _inFlight);
            }
        }
    }

    /// <summary>
    /// Checks queued devices until none is left (<see cref="ScanStop.Completed"/>), the user's token is cancelled
    /// (<see cref="ScanStop.Interrupted"/>: the devices in flight stop unreported), or the site gate closes
    /// (<see cref="ScanStop.SiteRefused"/>: the devices that refused the password finish; the others in flight stop and
    /// are queued again). Call again after <see cref="Overrule"/> to go on.
    /// </summary>
    public async Task<ScanStop> RunAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _siteStopped = false;
        }

        var closed = !_overruled && Site is not null ? Site.Closed : null;
        _ = closed?.ContinueWith(_ => StopForSite(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var workers = Enumerable.Range(0, Math.Min(Parallel, Math.Max(1, Remaining))).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None)).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested) return ScanStop.Interrupted;
        if (closed is { IsCompleted: true }) return ScanStop.SiteRefused;
        return ScanStop.Completed;
    }

    /// <summary>The user chose to go on after a site-wide refusal: every remaining device gets one try with the password.</summary>
    public void Overrule()
    {
        _overruled = true;
        if (_template.Password is { Length: > 0 } password) Site?.Overrule(_template.User, password);
    }

    /// <summary>The site gate closed: no device is started, and the ones in flight stop, except those that already have the device's answer.</summary>
    private void StopForSite()
    {
        lock (_lock)
        {
            if (_overruled) return;
            _siteStopped = true;
            foreach (var (cts, run) in _running.Values)
            {
                if (!Answered(run)) Cancel(cts);
            }
        }
    }

    /// <summary>Whether the device refused the password already: its check then ends by itself, and counts.</summary>
    private bool Answered(ProbeRun run) => _template.Password is { Length: > 0 } password && run.Credentials.IsRefused(_template.User, password);

    private static void Cancel(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That device's check already ended.
        }
    }

    private async Task WorkAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested && Take(token) is var (target, device, run))
        {
            using var owned = device;
            ScanDeviceResult result;
            try
            {
                result = await CheckAsync(target, run, device.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (device.IsCancellationRequested)
            {
                Requeue(target, atFront: true);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The probe runner turns a probe's faults into results; anything past it is reported, never a crash.
                var failed = ProbeResult.Error("scan", ScanText.CheckFailed(ex)).Keyed("scan.check-failed", ex.GetType().Name, ex.Message);
                result = new ScanDeviceResult(target, new AmtCheckReport(target.Host, _template.User, [new AmtCheckEntry(failed, TimeSpan.Zero)], TimeSpan.Zero));
            }
            finally
            {
                lock (_lock)
                {
                    _running.Remove(target);
                }
            }

            if (run.Credentials.HeldBySite && Held(target) <= MaxHolds)
            {
                // Its password waited at the site gate past the probe's bound: what it says about auth is not the device's answer.
                Requeue(target, atFront: false);
                continue;
            }

            Interlocked.Decrement(ref _inFlight);
            await _onResult(result).ConfigureAwait(false);
        }
    }

    private async Task<ScanDeviceResult> CheckAsync(ScanTarget target, ProbeRun run, CancellationToken token)
    {
        var spec = target.Spec;
        var context = _template.With(target: spec.Host, fqdn: target.Fqdn, httpPort: spec.HttpPort, tlsPort: spec.TlsPort, useTls: spec.Tls ? true : null, run: run);
        var report = await TargetCheck.RunAsync(context, _options, cancellationToken: token).ConfigureAwait(false);
        return new ScanDeviceResult(target, report with { Target = target.Host });
    }

    /// <summary>
    /// The next device to check, with its own token and run, registered as running (in one step, so a closing site
    /// gate sees it); null when none is left or the site gate stopped the run.
    /// </summary>
    private (ScanTarget Target, CancellationTokenSource Device, ProbeRun Run)? Take(CancellationToken token)
    {
        lock (_lock)
        {
            if (_siteStopped || _queue.First is not { } first) return null;
            _queue.RemoveFirst();
            Interlocked.Increment(ref _inFlight);
            var device = CancellationTokenSource.CreateLinkedTokenSource(token);
            var run = new ProbeRun(Site);
            _running[first.Value] = (device, run);
            return (first.Value, device, run);
        }
    }

    private void Requeue(ScanTarget target, bool atFront)
    {
        lock (_lock)
        {
            if (atFront) _queue.AddFirst(target);
            else _queue.AddLast(target);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private int Held(ScanTarget target)
    {
        lock (_lock)
        {
            _holds[target] = _holds.GetValueOrDefault(target) + 1;
            return _holds[target];
        }
    }
}
