using OobWizard.Logs;

namespace OobWizard.Cli.Commands;

/// <summary>
/// One input <c>logs</c> read: its name as given (<c>-</c> is stdin), its physical lines, which known
/// log it was read as (<see cref="Recognized"/> by content, else <see cref="NameHint"/> by file name),
/// and whether lines without a signature token were skipped unparsed (<see cref="Filtered"/>).
/// </summary>
internal sealed record LogInput(string Name, long Lines, LogRecognition? Recognized, KnownLog? NameHint, bool Filtered)
{
    /// <summary>How the input was read, in words of the run's language: <c>read as Amtopmgr.log (its lines' component SMS_AMT_OPERATION_MANAGER)</c>.</summary>
    public string Describe() => Recognized is { } r
        ? Messages.Current.Format("logs.read-as-component", r.Log, r.Evidence)
        : NameHint is { } h
            ? Messages.Current.Format("logs.read-as-file-name", h.Name)
            : Messages.Current.Format("logs.read-as-text");
}
