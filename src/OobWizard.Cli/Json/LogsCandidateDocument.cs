namespace OobWizard.Cli.Json;

/// <summary>
/// A diagnosis in <c>logs --json</c>: id, title in the chosen language, tree order, the signatures that
/// matched, how many entries matched in all, and the first of them.
/// </summary>
public sealed record LogsCandidateDocument(
    string Id,
    string Title,
    int Order,
    IReadOnlyList<LogsSignatureDocument> Signatures,
    int HitCount,
    IReadOnlyList<LogsHitDocument> Hits);
