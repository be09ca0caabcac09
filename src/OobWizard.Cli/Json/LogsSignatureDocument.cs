using System.Text.Json.Serialization;

namespace OobWizard.Cli.Json;

/// <summary>
/// A log signature in <c>logs --json</c>: the log it belongs to (<c>*</c> for any), its text fragment, and
/// <c>supporting: true</c> when it only adds weight to a candidate another signature found.
/// </summary>
public sealed record LogsSignatureDocument(
    string File,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Supporting);
