using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// The state machine behind <see cref="LogParser"/>, fed one physical line at a time: CCM messages
/// (also over several lines), SMS trace lines, CMTrace clipboard text, the rotation marker, and
/// anything else as plain entries. The only state between lines is an open CCM message
/// (<see cref="IsPending"/>); <see cref="LogScanner"/> relies on that to skip lines that cannot matter.
/// </summary>
internal sealed class LogLineParser
{
    public const string CcmOpen = "<![LOG[";
    public const string CcmClose = "]LOG]!>";
    private const string SmsTrailer = "$$<";

    private readonly string _file;
    private readonly int _maxChars;
    private StringBuilder? _pending;
    private int _pendingLine;
    private bool _pendingCut;

    /// <param name="file">the name the entries carry.</param>
    /// <param name="maxChars">the longest message kept, in chars (the line reader's cap).</param>
    public LogLineParser(string file, int maxChars)
    {
        _file = file;
        _maxChars = maxChars;
    }

    /// <summary>A CCM message has opened and not yet closed: the next line may belong to it.</summary>
    public bool IsPending => _pending is not null;

    /// <summary>Forgets an open message without emitting it (the caller restarts at a line where none is open).</summary>
    public void Reset() => _pending = null;

    /// <summary>Feeds line <paramref name="number"/> (1-based, without its terminator); the entries it completes go to <paramref name="output"/>.</summary>
    public void Push(string line, int number, bool cut, List<LogEntry> output)
    {
        if (number == 1 && line.StartsWith('\uFEFF'))
        {
            line = line[1..];
        }

        if (_pending is not null && line.AsSpan().TrimStart().StartsWith(CcmOpen, StringComparison.Ordinal))
        {
            // The previous message never closed (a cut or broken file): keep its text, then read this line afresh.
            output.Add(Unterminated(_pendingLine, _pending.ToString(), _pendingCut));
            _pending = null;
        }

        if (_pending is not null)
        {
            var close = line.IndexOf(CcmClose, StringComparison.Ordinal);
            if (close >= 0)
            {
                _pendingCut |= cut || _pending.Length + 1 + close > _maxChars;
                AppendBounded(_pending, line.AsSpan(0, close));
                output.Add(Ccm(_pendingLine, _pending.ToString(), line[(close + CcmClose.Length)..], _pendingCut));
                _pending = null;
            }
            else if (_pending.Length + 1 + line.Length > _maxChars)
            {
                AppendBounded(_pending, line);
                output.Add(Unterminated(_pendingLine, _pending.ToString(), cut: true));
                _pending = null;
            }
            else
            {
                _pending.Append('\n').Append(line);
                _pendingCut |= cut;
            }

            return;
        }

        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return;
        }

        if (trimmed.Equals(LogParser.RotationMarkerText, StringComparison.OrdinalIgnoreCase))
        {
            output.Add(new LogEntry(_file, number, LogParser.RotationMarkerText, null, null, LogSeverity.Info, LogFormat.RotationMarker));
            return;
        }

        if (trimmed.StartsWith(CcmOpen, StringComparison.Ordinal))
        {
            var body = trimmed[CcmOpen.Length..];
            var close = body.IndexOf(CcmClose, StringComparison.Ordinal);
            if (close >= 0)
            {
                output.Add(Ccm(number, body[..close].ToString(), body[(close + CcmClose.Length)..].ToString(), cut));
            }
            else
            {
                _pending = new StringBuilder(body.Length + 256).Append(body);
                _pendingLine = number;
                _pendingCut = cut;
            }

            return;
        }

        var orphanClose = line.IndexOf(CcmClose, StringComparison.Ordinal);
        if (orphanClose >= 0)
        {
            // The end of a CCM message whose start is not in this input (a paste or a cut file).
            output.Add(Ccm(number, line[..orphanClose], line[(orphanClose + CcmClose.Length)..], cut));
            return;
        }

        var sms = line.LastIndexOf(SmsTrailer, StringComparison.Ordinal);
        if (sms >= 0)
        {
            output.Add(Sms(number, line[..sms], line.AsSpan(sms + SmsTrailer.Length), cut));
            return;
        }

        if (ClipboardLine.TryParse(line, out var message, out var component))
        {
            output.Add(new LogEntry(_file, number, message, component, null, LogParser.Guess(message, LogSeverity.Info), LogFormat.Clipboard, cut));
            return;
        }

        var text = trimmed.ToString();
        output.Add(new LogEntry(_file, number, text, null, null, LogParser.Guess(text, LogSeverity.Unknown), LogFormat.Plain, cut));
    }

    /// <summary>The end of the input: an open message is emitted as it is.</summary>
    public void Finish(List<LogEntry> output)
    {
        if (_pending is not null)
        {
            output.Add(Unterminated(_pendingLine, _pending.ToString(), _pendingCut));
            _pending = null;
        }
    }

    private void AppendBounded(StringBuilder sb, ReadOnlySpan<char> more)
    {
        var room = _maxChars - sb.Length - 1;
        if (room <= 0)
        {
            return;
        }

        sb.Append('\n').Append(more.Length > room ? more[..room] : more);
    }

    private LogEntry Unterminated(int line, string message, bool cut) =>
        new(_file, line, message, null, null, LogSeverity.Unknown, LogFormat.Ccm, cut);

    private LogEntry Ccm(int line, string message, string attributes, bool cut)
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
        return new LogEntry(_file, line, message, string.IsNullOrEmpty(component) ? null : component, timestamp, severity, LogFormat.Ccm, cut);
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

    private LogEntry Sms(int line, string rawMessage, ReadOnlySpan<char> trailer, bool cut)
    {
        var message = LogParser.SmsMessage(rawMessage);
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

        return new LogEntry(_file, line, message, string.IsNullOrEmpty(component) ? null : component, timestamp, LogParser.Guess(message, LogSeverity.Info), LogFormat.SmsTrace, cut);
    }
}
