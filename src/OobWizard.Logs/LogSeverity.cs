namespace OobWizard.Logs;

/// <summary>
/// How serious an entry is. CCM lines say it (type 1/2/3); for the other formats it is guessed the
/// way CMTrace does: a case-insensitive search for "error", then "warn".
/// </summary>
public enum LogSeverity
{
    Unknown,
    Info,
    Warning,
    Error,
}
