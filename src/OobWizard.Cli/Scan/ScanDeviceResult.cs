using System.Text.Json;
using OobWizard.Cli.Json;
using OobWizard.Probes;
using OobWizard.Probes.Amt;

namespace OobWizard.Cli.Scan;

/// <summary>One device's check in a scan: the target as listed, the report (AMT and DNS probes), and its status.</summary>
public sealed record ScanDeviceResult(ScanTarget Target, AmtCheckReport Report)
{
    public ScanStatus Status { get; } = StatusOf(Report);

    /// <summary>The first status that applies (see <see cref="ScanStatus"/>).</summary>
    public static ScanStatus StatusOf(AmtCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        bool Has(string probe, string verdict) => report.Entries.Any(e => e.Result.ProbeId == probe && e.Result.Verdict == verdict);
        if (Has("amt.reachable", "closed")) return ScanStatus.Unreachable;
        if (Has("amt.identify", "not-amt")) return ScanStatus.NotAmt;
        if (Has("amt.auth", "refused")) return ScanStatus.Refused;
        if (report.Count(ProbeOutcome.Finding) > 0) return ScanStatus.Findings;
        return report.Count(ProbeOutcome.Error) > 0 ? ScanStatus.Errors : ScanStatus.Ok;
    }

    /// <summary>The status as the JSON Lines and the summary spell it: <c>not-amt</c>, <c>ok</c>.</summary>
    public static string Name(ScanStatus status) => status switch
    {
        ScanStatus.NotAmt => "not-amt",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// One line of JSON (no line break inside): <see cref="ScanDeviceDocument"/>, the device's status, FQDN and notes with
    /// the fields `check --json` writes. Source-generated serialisation (Native AOT); no password in it.
    /// </summary>
    public string ToJsonLine()
    {
        var check = Report.ToDocument();
        return JsonSerializer.Serialize(
            new ScanDeviceDocument(check.Target, Name(Status), Target.Fqdn, Target.Notes, check.User, check.ElapsedMs, check.ExitCode, check.Summary, check.Diagnoses, check.Probes),
            ScanJsonContext.Default.ScanDeviceDocument);
    }
}
