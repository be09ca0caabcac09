using OobWizard.Logs;

namespace OobWizard.Cli.Commands;

/// <summary>
/// One input <c>logs</c> read: its name as given (<c>-</c> is stdin), its physical lines, which known
/// log it was read as (<see cref="Recognized"/> by content, else <see cref="NameHint"/> by file name),
/// and whether lines without a signature token were skipped unparsed (<see cref="Filtered"/>).
/// </summary>
internal sealed record LogInput(string Name, long Lines, LogRecognition? Recognized, KnownLog? NameHint, bool Filtered)
{
    /// <summary>How the input was read, in words: <c>read as Amtopmgr.log (its lines' component SMS_AMT_OPERATION_MANAGER)</c>.</summary>
    public string Describe() => Recognized is { } r
        ? $"read as {r.Log} (its lines' component {r.Evidence})"
        : NameHint is { } h
            ? $"read as {h.Name} (by its file name; no line names a component)"
            : "no known log: matched on the text alone";
}
