namespace OobWizard.Logs;

/// <summary>
/// One kind of error or warning line: its first entry, how often it came (<see cref="Count"/>, with
/// numbers other than error codes ignored), its <see cref="Score"/> (higher is more telling), the log it
/// came from (null when unknown) and the HRESULT-style codes in it.
/// </summary>
public sealed record RankedLine(LogEntry First, int Count, int Score, string? Log, IReadOnlyList<string> Codes);
