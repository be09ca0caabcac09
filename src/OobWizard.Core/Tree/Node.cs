namespace OobWizard.Core.Tree;

/// <summary>
/// A node of the language-neutral tree. Diagnosis nodes carry the synthetic choices
/// <c>fixed</c> (to <c>end.resolved</c>) and <c>not-fixed</c> (to <see cref="Unresolved"/>).
/// </summary>
public sealed record Node(
    string Id,
    NodeKind Kind,
    IReadOnlyList<Choice> Choices,
    string? Probe,
    IReadOnlyDictionary<string, string> Verdicts,
    string? Unresolved,
    IReadOnlyList<string> Applies,
    IReadOnlyList<LogSignature> Logs,
    IReadOnlyList<string> Probes,
    SourceLocation Source)
{
    public const string FixedChoice = "fixed";
    public const string NotFixedChoice = "not-fixed";
    public const string StartId = "start";
    public const string ResolvedId = "end.resolved";
    public const string EscalateId = "end.escalate";

    /// <summary>
    /// On a question or probe node that carries <see cref="Logs"/>: the diagnoses its shared message can
    /// mean (the node is the question that separates them). Empty elsewhere.
    /// </summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    public Choice? FindChoice(string id) => Choices.FirstOrDefault(c => c.Id == id);

    /// <summary>The labelled choices content must provide text for (not the synthetic verification ones).</summary>
    public IEnumerable<Choice> AuthoredChoices => Choices.Where(c => !c.Synthetic);
}
