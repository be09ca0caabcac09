using System.Globalization;

namespace OobWizard.Cli.Scan;

/// <summary>
/// Every sentence `oobwizard scan` shows a user, in one place, so moving them to the language files is one edit per
/// string. English for now. Numbers are formatted with the invariant culture.
/// </summary>
public static class ScanText
{
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // --- options and usage ---
    public const string CommandDescription = "Run check's probes against many devices at once and summarise what they found";
    public const string TargetsDescription = "Target list: one host per line, or CSV HOST,FQDN,NOTES; '-' reads standard input";
    public const string ParallelDescription = "Devices checked at once (each still gets one WS-Man request at a time)";
    public const string JsonDescription = "Write one JSON object per device (JSON Lines) to standard output as each finishes; progress and summary go to standard error";
    public const string ResumeDescription = "Skip the devices already in this JSON Lines file (from an earlier scan --json)";
    public const string ShardDescription = "Check only shard K of N (every Nth target from the Kth), to split a list over N machines";
    public const string ContinueDescription = "Go on when the first devices refuse the password (each device is still sent it at most once)";
    public const string RefusalsDescription = "Devices that may refuse the password, with none accepting it, before the scan stops";
    public const string TargetsMissing = "scan needs --targets FILE (one host per line, or CSV HOST,FQDN,NOTES; '-' reads standard input)";

    public static string ParallelRange(string? given) => F($"--parallel: give 1 to 4096 devices at once, not '{given}'");

    public static string RefusalsRange(string? given) => F($"--auth-refusals: give 1 to 100 devices, not '{given}'");

    public static string BadShard(string? given) => F($"--shard '{given}': write K/N with 1 <= K <= N, for example 2/4 (every 4th target, from the 2nd)");

    public static string CannotRead(string option, string path, string why) => F($"{option} {path}: cannot read it: {why}");

    public static string ReadInterrupted(string option) => F($"{option}: reading was interrupted; nothing was checked");

    // --- the target list ---
    public static string LineTooLong(string where, int max) => F($"{where}: longer than {max} characters; write one host per line");

    public static string UnclosedQuote(string where) => F($"{where}: a quoted field is not closed");

    public static string TooManyFields(string where, int count, char separator) =>
        F($"{where}: {count} fields; a line is HOST{separator}FQDN{separator}NOTES at most (quote notes that hold '{separator}')");

    public static string BadFqdn(string where, string given) => F($"{where}: FQDN '{given}' is not a DNS name such as pc01.corp.example.com");

    public static string Duplicate(string where, string host, int firstLine) => F($"{where}: {host} is listed again (first on line {firstLine}); it is checked once");

    public static string BadLines(int count) => F($"{count} bad {(count == 1 ? "line" : "lines")} in the target list; nothing was checked (correct or delete {(count == 1 ? "it" : "them")})");

    public static string AndMore(int count) => F($"... and {count} more");

    public static string EmptyList(string source) => F($"--targets {source}: no host in it (one per line, or CSV HOST,FQDN,NOTES)");

    // --- resume ---
    public static string ResumeLineIncomplete(string where) => F($"{where}: not a whole scan record (a run stopped while writing it?); that device is checked again");

    public static string ResumeNotJsonLines(string source) => F($"--resume-from {source}: no line in it is a scan record; give the JSON Lines that scan --json wrote");

    public static string NothingLeft(int skipped, string? shard) =>
        F($"Nothing to check: all {skipped} {Devices(skipped)} of the list") + (shard is null ? "" : F($" (shard {shard})")) + " are already in --resume-from.";

    // --- the run ---
    public static string PasswordPrompt(string user) => F($"AMT password for {user} on every device (empty: skip the authenticated probes): ");

    public const string NoPassword = "no password (OOBW_AMT_PASSWORD or the prompt): the authenticated probes are skipped on every device";

    public const string Insecure = "--insecure sends the AMT password over TLS even when a device certificate does not validate";

    public static string Start(int count, string user, int parallel, int skipped, string? shard) =>
        F($"Scanning {count} {Devices(count)} as {user}, {parallel} at a time") + (shard is null ? "" : F($", shard {shard}")) + (skipped > 0 ? F($" ({skipped} done before: --resume-from)") : "");

    public static string Progress(int done, int total, int findings, double rate) =>
        F($"{done}/{total} checked, {findings} with findings") + (rate > 0 ? F($", {rate:0.#}/s") : "");

    public static string ProgressLine(int done, int total, int findings, double rate, TimeSpan? left) =>
        "scan: " + Progress(done, total, findings, rate) + (left is { } l ? F($", about {Duration(l)} left") : "");

    public static string CheckFailed(Exception ex) => F($"the check failed: {ex.GetType().Name}: {ex.Message}");

    // --- a site-wide refusal ---
    public static string SiteRefused(int devices, string user, IReadOnlyList<string> hosts) =>
        F($"The first {devices} {Devices(devices)} that answered refused the password for {user}") + (hosts.Count > 0 ? F($" ({string.Join(", ", hosts)})") : "")
        + ", and none accepted it. Sent to more devices, a wrong password, or a domain account, can be locked out.";

    public static string AskContinue(int remaining) => F($"Send it to the other {remaining} {Devices(remaining)} anyway, once each? [y/N] ");

    public const string StoppedOnRefusal = "Stopped: the password was sent to no other device. Check the user and password, or pass --continue-on-auth-fail to try each device once.";

    // --- the end ---
    public static string Interrupted(int done, int total) => F($"Interrupted: {done} of {total} devices checked; the ones in flight were not reported.");

    public const string ResumeHintJson = "Resume with the same command plus --resume-from FILE (the JSON Lines written so far).";

    public const string ResumeHintText = "Run with --json > FILE to keep every device's results, and --resume-from FILE to go on after a stop.";

    public static string Checked(int done, int total, TimeSpan elapsed) =>
        F($"Checked {done} of {total} {Devices(total)} in {Duration(elapsed)}") + (elapsed.TotalSeconds >= 0.5 ? F($" ({done / elapsed.TotalSeconds:0.#}/s)") : "");

    public static string StatusCount(ScanStatus status, int count) => status switch
    {
        ScanStatus.Ok => F($"{count} without findings"),
        ScanStatus.Findings => F($"{count} with findings"),
        ScanStatus.Errors => F($"{count} with errors only"),
        ScanStatus.Refused => F($"{count} refused the password"),
        ScanStatus.Unreachable => F($"{count} unreachable"),
        _ => F($"{count} not AMT"),
    };

    public const string ByDiagnosis = "By diagnosis";
    public const string ByVerdict = "Findings and errors by probe";
    public const string DevicesHeader = "Count";
    public const string DiagnosisHeader = "Diagnosis";
    public const string ProbeVerdictHeader = "Probe: verdict";
    public const string ExamplesHeader = "Example hosts";
    public const string NoDiagnosis = "No diagnosis suggested on any device.";
    public const string JsonHint = "Each device's results: --json (JSON Lines).";

    public static string Undecided(IReadOnlyList<(string Probe, int Devices)> probes) =>
        "Could not decide: " + string.Join(", ", probes.Select(p => F($"{p.Probe} on {p.Devices}"))) + " (the reason is in each device's result)";

    public static string MoreHosts(int count) => F($"(+{count})");

    private static string Devices(int n) => n == 1 ? "device" : "devices";

    /// <summary>"0.8 s", "42 s", "3 min 5 s".</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalSeconds < 10 ? F($"{t.TotalSeconds:0.0} s")
        : t.TotalSeconds < 120 ? F($"{t.TotalSeconds:0} s")
        : F($"{(int)t.TotalMinutes} min {t.Seconds} s");
}
