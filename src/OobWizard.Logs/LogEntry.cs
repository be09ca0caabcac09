namespace OobWizard.Logs;

/// <summary>
/// One log entry. <see cref="Line"/> is the 1-based physical line it starts on (a CCM message may
/// run over several). <see cref="Timestamp"/> carries the writer's offset (UTC = local + bias
/// minutes); it is null when the line has no usable time, or only a local time in an unknown
/// zone and locale (clipboard text). <see cref="Truncated"/>: the message was cut at the parser's cap.
/// </summary>
public sealed record LogEntry(
    string File,
    int Line,
    string Message,
    string? Component,
    DateTimeOffset? Timestamp,
    LogSeverity Severity,
    LogFormat Format,
    bool Truncated = false)
{
    /// <summary><c>file:line</c>.</summary>
    public string Location => $"{File}:{Line}";
}
