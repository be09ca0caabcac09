using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// Streams the entries of a ConfigMgr log: CCM lines (also over several physical lines), SMS trace
/// lines, CMTrace clipboard text, the rotation marker, and anything else as plain entries. Memory
/// is bounded: a line or message longer than the cap is cut (head and tail kept). It never throws
/// on content; only the reader's own I/O errors come through.
/// </summary>
public static class LogParser
{
    public const int DefaultMaxChars = 64 * 1024;
    public const string RotationMarkerText = "<MAXIMUM LOG FILE SIZE REACHED - FILE RENAMED>";

    public static IEnumerable<LogEntry> Parse(string fileName, TextReader reader, int maxChars = DefaultMaxChars) =>
        Parse(fileName, reader, new LineCounter(), maxChars);

    /// <summary>As <see cref="Parse(string, TextReader, int)"/>, counting the physical lines in <paramref name="counter"/>.</summary>
    public static IEnumerable<LogEntry> Parse(string fileName, TextReader reader, LineCounter counter, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(counter);
        return Iterate(fileName, reader, Math.Max(maxChars, 4 * BoundedLineReader.TailKeep), counter);
    }

    private static IEnumerable<LogEntry> Iterate(string file, TextReader reader, int maxChars, LineCounter counter)
    {
        var lines = new BoundedLineReader(reader, maxChars);
        var parser = new LogLineParser(file, maxChars);
        var output = new List<LogEntry>(2);
        var number = 0;
        while (lines.ReadLine(out var cut) is { } line)
        {
            parser.Push(line, ++number, cut, output);
            counter.Lines = number;
            foreach (var entry in output)
            {
                yield return entry;
            }

            output.Clear();
        }

        parser.Finish(output);
        foreach (var entry in output)
        {
            yield return entry;
        }
    }

    /// <summary>As CMTrace does for formats without a severity: "error" anywhere, then "warn", case-insensitive.</summary>
    public static LogSeverity Guess(string message, LogSeverity otherwise) =>
        message.Contains("error", StringComparison.OrdinalIgnoreCase) ? LogSeverity.Error
        : message.Contains("warn", StringComparison.OrdinalIgnoreCase) ? LogSeverity.Warning
        : otherwise;

    /// <summary>
    /// The message of an SMS trace line: trailing blanks and <c>~</c> dropped, and every other <c>~</c>
    /// turned into a line break, except in 8.3 short names such as <c>PROGRA~1</c>.
    /// </summary>
    internal static string SmsMessage(string raw)
    {
        var s = raw.AsSpan().TrimEnd().TrimEnd('~').TrimEnd();
        if (!s.Contains('~'))
        {
            return s.ToString();
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            sb.Append(c == '~' && !IsShortName(s, i) ? '\n' : c);
        }

        return sb.ToString();
    }

    /// <summary>Whether the <c>~</c> at <paramref name="at"/> is part of a short name: 1-6 of A-Z 0-9 _ before it, a digit after it, then no letter or digit.</summary>
    private static bool IsShortName(ReadOnlySpan<char> s, int at)
    {
        if (at + 1 >= s.Length || !char.IsAsciiDigit(s[at + 1]) || (at + 2 < s.Length && char.IsLetterOrDigit(s[at + 2])))
        {
            return false;
        }

        var start = at;
        while (start > 0 && (char.IsAsciiLetterUpper(s[start - 1]) || char.IsAsciiDigit(s[start - 1]) || s[start - 1] == '_'))
        {
            start--;
        }

        var length = at - start;
        return length is >= 1 and <= 6 && (start == 0 || !char.IsLetterOrDigit(s[start - 1]));
    }
}
