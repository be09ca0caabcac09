namespace OobWizard.Cli.Json;

/// <summary>A log signature in <c>logs --json</c>: the log file it belongs to and its text fragment.</summary>
public sealed record LogsSignatureDocument(string File, string Text);
