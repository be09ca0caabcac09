namespace OobWizard.Probes.Amt;

/// <summary>One probe in <c>check --json</c>: id, outcome (camelCase), verdict, summary, elapsed milliseconds, evidence rows, suggested diagnoses.</summary>
public sealed record AmtCheckProbeDocument(
    string Id,
    string Outcome,
    string Verdict,
    string Summary,
    double ElapsedMs,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string> Diagnoses);
