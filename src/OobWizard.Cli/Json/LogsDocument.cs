namespace OobWizard.Cli.Json;

/// <summary>The shape of <c>logs --json</c>: the inputs read (name, entries parsed) and the candidates, best first.</summary>
public sealed record LogsDocument(IReadOnlyList<LogsInputDocument> Inputs, IReadOnlyList<LogsCandidateDocument> Candidates);
