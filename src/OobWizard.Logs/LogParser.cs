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

    private const string CcmOpen = "<![LOG[";
    private const string CcmClose = "]LOG]!>";
    private const string SmsTrailer = "$$<";

    public static IEnumerable<LogEntry> Parse(string fileName, TextReader reader, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(fileName, reader, Math.Max(maxChars, 4 * BoundedLineReader.TailKeep));
    }

    private static IEnumerable<LogEntry> Iterate(string file, TextReader reader, int maxChars)
    {
        var lines = new BoundedLineReader(reader, maxChars);
        var number = 0;
        StringBuilder? pending = null;
        var pendingLine = 0;
        var pendingCut = false;
        while (lines.ReadLine(out var cut) is { } line)
        {
            number++;
            if (number == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            if (pending is not null && line.AsSpan().TrimStart().StartsWith(CcmOpen, StringComparison.Ordinal))
            {
                // The previous message never closed (a cut or broken file): keep its text, then read this line afresh.
                yield return Unterminated(file, pendingLine, pending.ToString(), pendingCut);
                pending = null;
            }

            if (pending is not null)
            {
                var close = line.IndexOf(CcmClose, StringComparison.Ordinal);
                if (close >= 0)
                {
                    pendingCut |= cut || pending.Length + 1 + close > maxChars;
                    AppendBounded(pending, line.AsSpan(0, close), maxChars);
                    yield return Ccm(file, pendingLine, pending.ToString(), line[(close + CcmClose.Length)..], pendingCut);
                    pending = null;
                    continue;
                }

                if (pending.Length + 1 + line.Length > maxChars)
                {
                    AppendBounded(pending, line, maxChars);
                    yield return Unterminated(file, pendingLine, pending.ToString(), cut: true);
                    pending = null;
                    continue;
                }
                else
                {
                    pending.Append('\n').Append(line);
                    pendingCut |= cut;
                    continue;
                }
            }

            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (trimmed.Equals(RotationMarkerText, StringComparison.OrdinalIgnoreCase))
            {
                yield return new LogEntry(file, number, RotationMarkerText, null, null, LogSeverity.Info, LogFormat.RotationMarker);
                continue;
            }

            if (trimmed.StartsWith(CcmOpen, StringComparison.Ordinal))
            {
                var body = trimmed[CcmOpen.Length..];
                var close = body.IndexOf(CcmClose, StringComparison.Ordinal);
                if (close >= 0)
                {
                    yield return Ccm(file, number, body[..close].ToString(), body[(close + CcmClose.Length)..].ToString(), cut);
                }
                else
                {
                    pending = new StringBuilder(body.Length + 256).Append(body);
                    pendingLine = number;
                    pendingCut = cut;
                }

                continue;
            }

            var orphanClose = line.IndexOf(CcmClose, StringComparison.Ordinal);
            if (orphanClose >= 0)
            {
                // The end of a CCM message whose start is not in this input (a paste or a cut file).
                yield return Ccm(file, number, line[..orphanClose], line[(orphanClose + CcmClose.Length)..], cut);
                continue;
            }

            var sms = line.LastIndexOf(SmsTrailer, StringComparison.Ordinal);
            if (sms >= 0)
            {
                yield return Sms(file, number, line[..sms], line.AsSpan(sms + SmsTrailer.Length), cut);
                continue;
            }

            if (ClipboardLine.TryParse(line, out var message, out var component))
            {
                yield return new LogEntry(file, number, message, component, null, Guess(message, LogSeverity.Info), LogFormat.Clipboard, cut);
                continue;
            }

            var text = trimmed.ToString();
            yield return new LogEntry(file, number, text, null, null, Guess(text, LogSeverity.Unknown), LogFormat.Plain, cut);
        }

        if (pending is not null)
        {
            yield return Unterminated(file, pendingLine, pending.ToString(), pendingCut);
        }
    }

    /// <summary>As CMTrace does for formats without a severity: "error" anywhere, then "warn", case-insensitive.</summary>
    public static LogSeverity Guess(string message, LogSeverity otherwise) =>
        message.Contains("error", StringComparison.OrdinalIgnoreCase) ? LogSeverity.Error
        : message.Contains("warn", StringComparison.OrdinalIgnoreCase) ? LogSeverity.Warning
        : otherwise;

    private static void AppendBounded(StringBuilder sb, ReadOnlySpan<char> more, int maxChars)
    {
        var room = maxChars - sb.Length - 1;
        if (room <= 0)
        {
            return;
        }

        sb.Append('\n').Append(more.Length > room ? more[..room] : more);
    }

    private static LogEntry Unterminated(string file, int line, string message, bool cut) =>
        new(file, line, message, null, null, LogSeverity.Unknown, LogFormat.Ccm, cut);

    private static LogEntry Ccm(string file, int line, string message, string attributes, bool cut)
    {
        var component = Attribute(attributes, "component");
        var severity = Attribute(attributes, "type") switch
        {
            "1" => LogSeverity.Info,
            "2" => LogSeverity.Warning,
            "3" => LogSeverity.Error,
            _ => LogSeverity.Unknown,
        };
        var date = Attribute(attributes, "date");
        var time = Attribute(attributes, "time");
        var timestamp = date is not null && time is not null ? LogTime.Parse(date, time) : null;
        return new LogEntry(file, line, message, string.IsNullOrEmpty(component) ? null : component, timestamp, severity, LogFormat.Ccm, cut);
    }

    /// <summary>The value of <c>name="value"</c> in a CCM attribute list, or null.</summary>
    private static string? Attribute(string attributes, string name)
    {
        var from = 0;
        while (from < attributes.Length)
        {
            var at = attributes.IndexOf(name + "=\"", from, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            if (at == 0 || !char.IsLetterOrDigit(attributes[at - 1]))
            {
                var start = at + name.Length + 2;
                var end = attributes.IndexOf('"', start);
                return end < 0 ? null : attributes[start..end];
            }

            from = at + 1;
        }

        return null;
    }

    private static LogEntry Sms(string file, int line, string rawMessage, ReadOnlySpan<char> trailer, bool cut)
    {
        var message = SmsMessage(rawMessage);
        string? component = null;
        DateTimeOffset? timestamp = null;
        var gt = trailer.IndexOf('>');
        if (gt >= 0)
        {
            component = trailer[..gt].Trim().ToString();
            var rest = trailer[(gt + 1)..].TrimStart();
            if (rest.StartsWith('<') && rest.IndexOf('>') is var end and > 0)
            {
                var stamp = rest[1..end].Trim();
                var space = stamp.IndexOf(' ');
                if (space > 0)
                {
                    timestamp = LogTime.Parse(stamp[..space], stamp[(space + 1)..]);
                }
            }
        }

        return new LogEntry(file, line, message, string.IsNullOrEmpty(component) ? null : component, timestamp, Guess(message, LogSeverity.Info), LogFormat.SmsTrace, cut);
    }

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
