namespace OobWizard.Probes;

/// <summary>
/// What a probe found. <see cref="Verdict"/> is the branch key the content's probe node maps to a
/// next node (for example <c>pass</c>, <c>fail</c>, <c>missing</c>, <c>disabled</c>); every probe documents its verdicts.
/// </summary>
public sealed record ProbeResult(
    string ProbeId,
    ProbeOutcome Outcome,
    string Verdict,
    string Summary,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string> SuggestedDiagnoses)
{
    private readonly string _summary = EvidenceText.Clean(Summary);

    /// <summary>One line; cleaned like evidence (<see cref="EvidenceText.Clean"/>), since it quotes what devices said.</summary>
    public string Summary { get => _summary; init => _summary = EvidenceText.Clean(value); }

    public static ProbeResult Pass(string probeId, string summary, IReadOnlyList<Evidence>? evidence = null, string verdict = "pass") =>
        new(probeId, ProbeOutcome.Pass, verdict, summary, evidence ?? [], []);

    /// <summary>A finding; each diagnosis is suggested once, in first-given order, however many of its problems were seen.</summary>
    public static ProbeResult Finding(string probeId, string verdict, string summary, IReadOnlyList<Evidence>? evidence = null, params string[] diagnoses) =>
        new(probeId, ProbeOutcome.Finding, verdict, summary, evidence ?? [], diagnoses.Distinct(StringComparer.Ordinal).ToArray());

    public static ProbeResult Inconclusive(string probeId, string summary, IReadOnlyList<Evidence>? evidence = null) =>
        new(probeId, ProbeOutcome.Inconclusive, "inconclusive", summary, evidence ?? [], []);

    public static ProbeResult Error(string probeId, string summary, IReadOnlyList<Evidence>? evidence = null) =>
        new(probeId, ProbeOutcome.Error, "error", summary, evidence ?? [], []);
}
