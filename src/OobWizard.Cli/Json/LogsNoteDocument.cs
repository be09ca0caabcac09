namespace OobWizard.Cli.Json;

/// <summary>Something <c>logs --json</c> did not read (<c>kind</c>: <c>unreadable</c> or <c>skipped</c>), and why.</summary>
public sealed record LogsNoteDocument(string Path, string Kind, string Reason);
