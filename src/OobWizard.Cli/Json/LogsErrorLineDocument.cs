namespace OobWizard.Cli.Json;

/// <summary>
/// An error or warning line of <c>logs --json</c> when nothing matched: its first file:line and message,
/// how often it occurred, its rank score, the log it came from (null when unknown), severity, and the
/// HRESULTs and codes in it.
/// </summary>
public sealed record LogsErrorLineDocument(string File, int Line, string Message, int Count, int Score, string? Log, string Severity, IReadOnlyList<string> Codes);
