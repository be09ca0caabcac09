using OobWizard.Logs;

namespace OobWizard.Cli.Commands;

/// <summary>
/// What <c>logs</c> found: the inputs read, what it left out, the candidates (best first), and when
/// none matched the ranked error lines and the symptom they suggest. <see cref="StartAt"/> is the node
/// <c>--start</c> opens (the best candidate, or the suggested symptom's entry), null for none.
/// </summary>
internal sealed record LogsResult(
    IReadOnlyList<LogInput> Inputs,
    IReadOnlyList<LogInputNote> Notes,
    IReadOnlyList<LogCandidate> Candidates,
    IReadOnlyList<RankedLine> ErrorLines,
    string? SuggestedSymptom,
    string? StartAt)
{
    public static LogsResult Empty { get; } = new([], [], [], [], null, null);
}
