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

    /// <summary>
    /// The message key of <see cref="Summary"/> in the language files (<c>&lt;lang&gt;/messages.yaml</c>, <c>probe.*</c>),
    /// or null when the summary is English only; <see cref="SummaryArgs"/> fill its {0}-style placeholders. The English
    /// <see cref="Summary"/> stays the record of what was found (JSON, sessions); a front end shows the key's text in the
    /// user's language.
    /// </summary>
    public string? SummaryKey { get; init; }

    /// <summary>The values of <see cref="SummaryKey"/>'s placeholders, as invariant text (hosts, users, counts, device words).</summary>
    public IReadOnlyList<string> SummaryArgs { get; init; } = [];

    /// <summary>This result with its summary's message key and arguments (numbers formatted with the invariant culture; a <see cref="ProbeLine"/> argument becomes a nested message).</summary>
    public ProbeResult Keyed(string key, params object?[] args) => this with
    {
        SummaryKey = key,
        SummaryArgs = [.. args.Select(ProbeLine.Arg)],
    };

    /// <summary>This result with the key and arguments of <paramref name="line"/>.</summary>
    public ProbeResult Keyed(ProbeLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return this with { SummaryKey = line.Key, SummaryArgs = line.Args };
    }

    /// <summary>An inconclusive result that says <paramref name="line"/> (its English text as the summary, keyed).</summary>
    public static ProbeResult Inconclusive(string probeId, ProbeLine line, IReadOnlyList<Evidence>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Inconclusive(probeId, line.Text, evidence).Keyed(line);
    }

    /// <summary>An error result that says <paramref name="line"/> (its English text as the summary, keyed).</summary>
    public static ProbeResult Error(string probeId, ProbeLine line, IReadOnlyList<Evidence>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Error(probeId, line.Text, evidence).Keyed(line);
    }

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
