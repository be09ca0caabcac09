namespace OobWizard.Cli.Json;

/// <summary>
/// One input of <c>logs --json</c>: its name as given (<c>-</c> for stdin), its physical lines, the known
/// log it was read as and <c>by</c> what (<c>component</c> or <c>file-name</c>; null for neither), the
/// component that told, whether unmatched lines were skipped unparsed, and the same in words.
/// </summary>
public sealed record LogsInputDocument(string File, long Lines, string? Log, string? By, string? Component, bool Filtered, string Read);
