namespace OobWizard.Cli.Scan;

/// <summary>
/// Every sentence `oobwizard scan` shows a user, in one place: from <c>&lt;lang&gt;/messages.yaml</c> in the run's
/// language (<see cref="Messages"/>, keys scan.*), except the option descriptions of --help, which stay English.
/// Numbers are formatted with the invariant culture.
/// </summary>
public static class ScanText
{
    private static Messages M => Messages.Current;

    // --- options and usage ---
    public const string CommandDescription = "Run check's probes against many devices at once and summarise what they found";
    public const string TargetsDescription = "Target list: one host per line, or CSV HOST,FQDN,NOTES; '-' reads standard input";
    public const string ParallelDescription = "Devices checked at once (each still gets one WS-Man request at a time)";
    public const string JsonDescription = "Write one JSON object per device (JSON Lines) to standard output as each finishes; progress and summary go to standard error";
    public const string ResumeDescription = "Skip the devices already in this JSON Lines file (from an earlier scan --json)";
    public const string ShardDescription = "Check only shard K of N (every Nth target from the Kth), to split a list over N machines";
    public const string ContinueDescription = "Go on when the first devices refuse the password (each device is still sent it at most once)";
    public const string RefusalsDescription = "Devices that may refuse the password, with none accepting it, before the scan stops";
    public static string TargetsMissing => M.Format("scan.targets-missing");

    public static string ParallelRange(string? given) => M.Format("scan.parallel-range", given);

    public static string RefusalsRange(string? given) => M.Format("scan.refusals-range", given);

    public static string BadShard(string? given) => M.Format("scan.bad-shard", given);

    public static string CannotRead(string option, string path, string why) => M.Format("scan.cannot-read", option, path, why);

    public static string ReadInterrupted(string option) => M.Format("scan.read-interrupted", option);

    // --- the target list ---
    public static string LineTooLong(string where, int max) => M.Format("scan.line-too-long", where, max);

    public static string UnclosedQuote(string where) => M.Format("scan.unclosed-quote", where);

    public static string TooManyFields(string where, int count, char separator) => M.Format("scan.too-many-fields", where, count, separator);

    public static string BadFqdn(string where, string given) => M.Format("scan.bad-fqdn", where, given);

    public static string Duplicate(string where, string host, int firstLine) => M.Format("scan.duplicate", where, host, firstLine);

    public static string BadLines(int count) => M.Count("scan.bad-lines", count);

    public static string AndMore(int count) => M.Format("scan.and-more", count);

    public static string EmptyList(string source) => M.Format("scan.empty-list", source);

    // --- resume ---
    public static string ResumeLineIncomplete(string where) => M.Format("scan.resume-line-incomplete", where);

    public static string ResumeNotJsonLines(string source) => M.Format("scan.resume-not-json-lines", source);

    public static string NothingLeft(int skipped, string? shard) =>
        shard is null ? M.Count("scan.nothing-left", skipped) : M.Count("scan.nothing-left-shard", skipped, shard);

    // --- the run ---
    public static string PasswordPrompt(string user) => M.Format("scan.password-prompt", user);

    public static string NoPassword => M.Format("scan.no-password");

    public static string Insecure => M.Format("scan.insecure");

    public static string Start(int count, string user, int parallel, int skipped, string? shard) =>
        M.Count("scan.start", count, user, parallel) + (shard is null ? "" : M.Format("scan.start-shard", shard)) + (skipped > 0 ? M.Format("scan.start-skipped", skipped) : "");

    public static string Progress(int done, int total, int findings, double rate) =>
        M.Format("scan.progress", done, total, findings) + (rate > 0 ? M.Format("scan.progress-rate", rate) : "");

    public static string ProgressLine(int done, int total, int findings, double rate, TimeSpan? left) =>
        "scan: " + Progress(done, total, findings, rate) + (left is { } l ? M.Format("scan.progress-left", Duration(l)) : "");

    public static string CheckFailed(Exception ex) => M.Format("scan.check-failed", ex.GetType().Name, ex.Message);

    // --- a site-wide refusal ---
    public static string SiteRefused(int devices, string user, IReadOnlyList<string> hosts) =>
        M.Count("scan.site-refused", devices, user) + (hosts.Count > 0 ? " (" + string.Join(", ", hosts) + ")" : "") + M.Format("scan.site-refused-end");

    public static string AskContinue(int remaining) => M.Count("scan.ask-continue", remaining);

    public static string StoppedOnRefusal => M.Format("scan.stopped-on-refusal");

    // --- the end ---
    public static string Interrupted(int done, int total) => M.Format("scan.interrupted", done, total);

    public static string ResumeHintJson => M.Format("scan.resume-hint-json");

    public static string ResumeHintText => M.Format("scan.resume-hint-text");

    public static string Checked(int done, int total, TimeSpan elapsed) =>
        M.Format(total == 1 ? "scan.checked.one" : "scan.checked.many", done, total, Duration(elapsed))
        + (elapsed.TotalSeconds >= 0.5 ? M.Format("scan.checked-rate", done / elapsed.TotalSeconds) : "");

    public static string StatusCount(ScanStatus status, int count) => status switch
    {
        ScanStatus.Ok => M.Format("scan.status.ok", count),
        ScanStatus.Findings => M.Format("scan.status.findings", count),
        ScanStatus.Errors => M.Format("scan.status.errors", count),
        ScanStatus.Refused => M.Format("scan.status.refused", count),
        ScanStatus.Unreachable => M.Format("scan.status.unreachable", count),
        _ => M.Format("scan.status.not-amt", count),
    };

    public static string ByDiagnosis => M.Format("scan.by-diagnosis");
    public static string ByVerdict => M.Format("scan.by-verdict");
    public static string DevicesHeader => M.Format("scan.header.count");
    public static string DiagnosisHeader => M.Format("scan.header.diagnosis");
    public static string ProbeVerdictHeader => M.Format("scan.header.probe-verdict");
    public static string ExamplesHeader => M.Format("scan.header.examples");
    public static string NoDiagnosis => M.Format("scan.no-diagnosis");
    public static string JsonHint => M.Format("scan.json-hint");

    public static string Undecided(IReadOnlyList<(string Probe, int Devices)> probes) =>
        M.Format("scan.undecided", string.Join(ListSeparator, probes.Select(p => M.Format("scan.undecided-item", p.Probe, p.Devices))));

    public static string MoreHosts(int count) => M.Format("scan.more-hosts", count);

    /// <summary>Between the items of a list in a sentence: ", " (ja: "、").</summary>
    public static string ListSeparator => M.Format("cli.list-separator");

    /// <summary>"0.8 s", "42 s", "3 min 5 s" (in the run's language).</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalSeconds < 10 ? M.Format("scan.duration.seconds-tenths", t.TotalSeconds)
        : t.TotalSeconds < 120 ? M.Format("scan.duration.seconds", t.TotalSeconds)
        : M.Format("scan.duration.minutes", (int)t.TotalMinutes, t.Seconds);
}
