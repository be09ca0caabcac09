namespace OobWizard.Logs;

/// <summary>Counts the known components among entries; the most frequent one names the input's log (<see cref="Current"/>).</summary>
public sealed class LogRecognizer
{
    private readonly Dictionary<string, (int Count, string Component)> _seen = new(StringComparer.Ordinal);
    private int _best;

    /// <summary>The log the entries so far name most often, or null when none names one.</summary>
    public LogRecognition? Current { get; private set; }

    /// <summary>Counts the entry's component; returns <see cref="Current"/>.</summary>
    public LogRecognition? Observe(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (KnownLogs.ByComponent(entry.Component) is { } log)
        {
            var s = _seen.TryGetValue(log.Name, out var seen) ? (seen.Count + 1, seen.Component) : (1, entry.Component!);
            _seen[log.Name] = s;
            if (s.Item1 > _best)
            {
                _best = s.Item1;
                if (Current?.Log != log.Name)
                {
                    Current = new LogRecognition(log.Name, LogRecognition.ByComponent, s.Item2);
                }
            }
        }

        return Current;
    }

    public LogRecognition? Result() => Current;
}
