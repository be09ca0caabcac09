using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// Reads physical lines (LF, CRLF or CR) with a bounded buffer: a line longer than the cap keeps
/// its head and its last <see cref="TailKeep"/> characters (where the CCM and SMS trailers are),
/// joined by an ellipsis, and everything between is read and dropped.
/// </summary>
public sealed class BoundedLineReader
{
    public const int TailKeep = 1024;

    private readonly TextReader _reader;
    private readonly int _cap;
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _head = new();
    private readonly char[] _tail = new char[TailKeep];
    private int _pos;
    private int _len;
    private int _tailStart;
    private int _tailCount;
    private bool _dropped;
    private bool _pendingLf;

    public BoundedLineReader(TextReader reader, int cap)
    {
        _reader = reader;
        _cap = Math.Max(cap, 2 * TailKeep);
    }

    /// <summary>
    /// <paramref name="line"/> as <see cref="ReadLine"/> gives it with this cap: unchanged when it fits,
    /// else its head, an ellipsis and its last <see cref="TailKeep"/> characters.
    /// </summary>
    public static string Cut(string line, int cap, out bool cut)
    {
        cap = Math.Max(cap, 2 * TailKeep);
        cut = line.Length > cap;
        return cut ? string.Concat(line.AsSpan(0, cap - TailKeep - 1), "…", line.AsSpan(line.Length - TailKeep)) : line;
    }

    /// <summary>The next line without its terminator, or null at the end; <paramref name="truncated"/> when it was cut.</summary>
    public string? ReadLine(out bool truncated)
    {
        _head.Clear();
        _tailStart = 0;
        _tailCount = 0;
        _dropped = false;
        var any = false;
        while (true)
        {
            if (_pos >= _len)
            {
                _len = _reader.Read(_buffer, 0, _buffer.Length);
                _pos = 0;
                if (_len <= 0)
                {
                    _len = 0;
                    truncated = _dropped;
                    return any ? Finish() : null;
                }
            }

            var c = _buffer[_pos++];
            if (_pendingLf)
            {
                _pendingLf = false;
                if (c == '\n')
                {
                    continue; // the LF of a CRLF
                }
            }

            if (c == '\n' || c == '\r')
            {
                _pendingLf = c == '\r';
                truncated = _dropped;
                return Finish();
            }

            any = true;
            Append(c);
        }
    }

    private void Append(char c)
    {
        if (!_dropped && _head.Length < _cap)
        {
            _head.Append(c);
            return;
        }

        if (!_dropped)
        {
            // From here on the head is frozen at cap - TailKeep - 1 and the last TailKeep characters are kept.
            _dropped = true;
            var keep = _cap - TailKeep - 1;
            for (var i = keep; i < _head.Length; i++)
            {
                PushTail(_head[i]);
            }

            _head.Length = keep;
        }

        PushTail(c);
    }

    private void PushTail(char c)
    {
        if (_tailCount < TailKeep)
        {
            _tail[(_tailStart + _tailCount) % TailKeep] = c;
            _tailCount++;
        }
        else
        {
            _tail[_tailStart] = c;
            _tailStart = (_tailStart + 1) % TailKeep;
        }
    }

    private string Finish()
    {
        if (!_dropped)
        {
            return _head.ToString();
        }

        _head.Append('…');
        for (var i = 0; i < _tailCount; i++)
        {
            _head.Append(_tail[(_tailStart + i) % TailKeep]);
        }

        return _head.ToString();
    }
}
