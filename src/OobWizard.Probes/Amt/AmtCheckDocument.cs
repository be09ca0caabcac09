namespace OobWizard.Probes.Amt;

/// <summary>
/// The shape of <c>check --json</c>: target, user, elapsed milliseconds, exit code, a count per
/// outcome (camelCase outcome names), the diagnoses suggested, and every probe's result.
/// </summary>
public sealed record AmtCheckDocument(
    string Target,
    string User,
    double ElapsedMs,
    int ExitCode,
    IReadOnlyDictionary<string, int> Summary,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<AmtCheckProbeDocument> Probes);
