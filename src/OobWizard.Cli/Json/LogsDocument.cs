namespace OobWizard.Cli.Json;

/// <summary>
/// The shape of <c>logs --json</c>: the inputs read and how, what was left out, the candidates (best
/// first), and when none matched the ranked error lines and the suggested symptom; where <c>--start</c>
/// opens, and the hints the text output gives.
/// </summary>
public sealed record LogsDocument(
    IReadOnlyList<LogsInputDocument> Inputs,
    IReadOnlyList<LogsNoteDocument> Notes,
    IReadOnlyList<LogsCandidateDocument> Candidates,
    IReadOnlyList<LogsErrorLineDocument> ErrorLines,
    string? SuggestedSymptom,
    string? Start,
    IReadOnlyList<string> Hints);
