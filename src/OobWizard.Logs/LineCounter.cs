namespace OobWizard.Logs;

/// <summary>How many physical lines <see cref="LogParser.Parse(string, TextReader, LineCounter, int)"/> has read so far.</summary>
public sealed class LineCounter
{
    public long Lines { get; internal set; }
}
