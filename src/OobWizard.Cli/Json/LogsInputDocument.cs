namespace OobWizard.Cli.Json;

/// <summary>One input of <c>logs --json</c>: its name as given (<c>-</c> for stdin) and how many entries it held.</summary>
public sealed record LogsInputDocument(string File, int Entries);
