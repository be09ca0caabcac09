using OobWizard.Probes.Amt;
using OobWizard.Probes.Dns;

namespace OobWizard.Probes;

/// <summary>
/// Everything `oobwizard check` runs against one target, as `check` and `scan` share it: the AMT probes
/// (<see cref="AmtCheck"/>, one WS-Man request at a time) and, alongside, the DNS and host probes
/// (<see cref="DnsCheck"/>, which send nothing to the device). One report: the AMT entries in probe order, then the
/// DNS and host ones; its Elapsed is the wall time of both sides together.
/// </summary>
public static class TargetCheck
{
    /// <param name="onAmtResult">Called with each AMT entry as it becomes known, in probe order.</param>
    /// <exception cref="OperationCanceledException">the caller's token was cancelled; nothing is reported.</exception>
    public static async Task<AmtCheckReport> RunAsync(ProbeContext context, AmtProbeOptions? options = null, Action<AmtCheckEntry>? onAmtResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var total = System.Diagnostics.Stopwatch.StartNew();
        var dnsTask = DnsCheck.RunAsync(context, cancellationToken: cancellationToken);
        AmtCheckReport report;
        try
        {
            report = await AmtCheck.RunAsync(context, options, onAmtResult, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The DNS side ends with the same token; observe it so its cancellation is not reported as unobserved.
            _ = dnsTask.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw;
        }

        var dns = await dnsTask.ConfigureAwait(false);
        // The report's time is the whole check's: the DNS side can outlast the AMT chain (a silent server, many timeouts).
        return report with { Entries = [.. report.Entries, .. dns], Elapsed = total.Elapsed };
    }
}
