using System.Text.Json.Serialization;

namespace OobWizard.Cli.Json;

/// <summary>
/// A matching log entry in <c>logs --json</c>: file:line, message, component and time when the format
/// has them (time as ISO 8601 with milliseconds and offset), severity, format, and the signature texts it matched.
/// </summary>
public sealed record LogsHitDocument(
    string File,
    int Line,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Component,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Time,
    string Severity,
    string Format,
    IReadOnlyList<string> Signatures);
