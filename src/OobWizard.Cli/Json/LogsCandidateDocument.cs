namespace OobWizard.Cli.Json;

/// <summary>
/// A candidate in <c>logs --json</c>: a diagnosis (<c>kind</c> <c>diagnosis</c>), or the question that
/// separates the causes a shared message can mean (<c>shared-message</c>, with those causes); its title
/// in the chosen language, tree order, the signatures that matched out of how many, how many entries
/// matched in all, and the entries.
/// </summary>
public sealed record LogsCandidateDocument(
    string Id,
    string Kind,
    string Title,
    int Order,
    IReadOnlyList<LogsCauseDocument> Candidates,
    IReadOnlyList<LogsSignatureDocument> Signatures,
    int SignaturesTotal,
    int HitCount,
    IReadOnlyList<LogsHitDocument> Hits);
