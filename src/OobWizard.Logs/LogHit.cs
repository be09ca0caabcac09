namespace OobWizard.Logs;

/// <summary>An entry and the signatures of one diagnosis it matched.</summary>
public sealed record LogHit(LogEntry Entry, IReadOnlyList<LogSignature> Signatures);
