using System.Runtime.CompilerServices;
using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// Reads a log and hands on only the entries that can match a signature, parsing nothing else. The raw
/// bytes (UTF-8, or UTF-16 narrowed to one byte a character) are searched for one token of every
/// signature (<see cref="FragmentChooser"/>, <see cref="FragmentSearch"/>); only the lines around a hit
/// are decoded and run through the parser. The entries given on are exactly those
/// <see cref="LogParser"/> gives for the same lines (the tests hold it to that), so matching is unchanged:
/// a hit's record is parsed from the nearest line where no CCM message can be open (a <c>&lt;![LOG[</c>
/// line within reach, or the hit's own line), lines longer than the cap are parsed as the reader cuts
/// them, and an open message is followed until it closes. Memory stays bounded by the buffer (about
/// 2 MiB with the default cap), whatever the file's size or its lines' lengths.
/// Other encodings (UTF-16 big-endian, UTF-32) and inputs that fit in one buffer are parsed whole.
/// </summary>
public sealed class LogScanner
{
    /// <summary>Bytes read at a time.</summary>
    public const int DefaultChunk = 4 << 20;

    private readonly List<string> _texts;
    private readonly int _maxChars;
    private readonly int _chunk;
    private readonly SimdLevel _simd;
    private readonly bool _alwaysFilter;

    /// <param name="signatures">what to look for; their texts decide which lines are parsed.</param>
    /// <param name="maxChars">the parser's cap on a line or message, in characters.</param>
    public LogScanner(IEnumerable<LogSignature> signatures, int maxChars = LogParser.DefaultMaxChars)
        : this(signatures.Select(s => LogMatcher.Normalize(s.Text)), maxChars, DefaultChunk, SimdLevel.Avx512, alwaysFilter: false)
    {
    }

    /// <param name="normalizedTexts">signature texts as <see cref="LogMatcher.Normalize"/> gives them.</param>
    /// <param name="chunk">bytes read at a time (small in tests, to cross buffer edges often).</param>
    /// <param name="simd">the widest SIMD path to use.</param>
    /// <param name="alwaysFilter">filter even an input that fits in one buffer.</param>
    internal LogScanner(IEnumerable<string> normalizedTexts, int maxChars, int chunk, SimdLevel simd, bool alwaysFilter)
    {
        _texts = normalizedTexts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        _maxChars = Math.Max(maxChars, 4 * BoundedLineReader.TailKeep);
        _chunk = Math.Max(chunk, 64);
        _simd = simd;
        _alwaysFilter = alwaysFilter;
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end and calls <paramref name="onEntry"/>, in file order, for
    /// every entry that may match (all entries when it cannot filter), with the log the input's content
    /// names (from its first lines' components; null when none does). <paramref name="file"/> is the name
    /// the entries carry. I/O errors come through; content never throws.
    /// </summary>
    public LogScanResult Scan(string file, Stream stream, Action<LogEntry, LogRecognition?> onEntry)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onEntry);
        var head = new byte[4];
        var got = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        var (encoding, bom) = Detect(head.AsSpan(0, got));
        var prefix = head.AsSpan(bom, got - bom).ToArray();
        if (encoding is null || _texts.Count == 0)
        {
            return Whole(file, new PrefixedStream(head.AsSpan(0, got).ToArray(), stream), LogFile.Guess(head.AsSpan(0, got)), onEntry);
        }

        var run = new Run(this, file, stream, encoding, prefix, onEntry);
        return run.Execute();
    }

    /// <summary>The encoding the fast path reads (UTF-8 or UTF-16 LE) and the BOM length, or null for one it leaves to the parser.</summary>
    internal static (Encoding? Encoding, int Bom) Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (null, 0);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        var guess = LogFile.Guess(head);
        return guess.CodePage switch
        {
            1200 => (Encoding.Unicode, 0),
            65001 => (Encoding.UTF8, 0),
            _ => (null, 0),
        };
    }

    /// <summary>Parses the whole input (no filtering): what <see cref="LogParser"/> does, plus the line count.</summary>
    private LogScanResult Whole(string file, Stream stream, Encoding guess, Action<LogEntry, LogRecognition?> onEntry)
    {
        using var text = new StreamReader(stream, guess, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true);
        return Whole(file, text, onEntry, text.CurrentEncoding.WebName);
    }

    /// <summary>Parses every line; the log is recognised from the first <see cref="RecognizeEntries"/> entries, which wait for it.</summary>
    private LogScanResult Whole(string file, TextReader text, Action<LogEntry, LogRecognition?> onEntry, string encodingName)
    {
        var reader = new BoundedLineReader(text, _maxChars);
        var parser = new LogLineParser(file, _maxChars);
        var output = new List<LogEntry>(2);
        var recognizer = new LogRecognizer();
        var waiting = new List<LogEntry>();
        LogRecognition? recognized = null;
        var decided = false;
        var number = 0;
        void Give()
        {
            foreach (var e in output)
            {
                if (decided)
                {
                    onEntry(e, recognized);
                    continue;
                }

                recognizer.Observe(e);
                waiting.Add(e);
                if (waiting.Count >= RecognizeEntries)
                {
                    Decide();
                }
            }

            output.Clear();
        }

        void Decide()
        {
            decided = true;
            recognized = recognizer.Result();
            foreach (var w in waiting)
            {
                onEntry(w, recognized);
            }

            waiting.Clear();
        }

        while (reader.ReadLine(out var cut) is { } line)
        {
            parser.Push(line, ++number, cut, output);
            Give();
        }

        parser.Finish(output);
        Give();
        if (!decided)
        {
            Decide();
        }

        return new LogScanResult(number, encodingName, Filtered: false, recognized);
    }

    /// <summary>How many entries decide which log an unfiltered input is.</summary>
    private const int RecognizeEntries = 2000;

    /// <summary>One pass over one input.</summary>
    private sealed class Run
    {
        private readonly LogScanner _owner;
        private readonly string _file;
        private readonly Stream _stream;
        private readonly Encoding _encoding;
        private readonly int _unit;
        private readonly Action<LogEntry, LogRecognition?> _onEntry;
        private LogRecognition? _recognized;
        private readonly int _window;
        private readonly int _capacity;
        private readonly byte[] _raw;
        private readonly byte[] _units;
        private readonly LogLineParser _parser;
        private readonly List<LogEntry> _output = new(2);
        private readonly List<int> _hits = [];
        private readonly List<(int Start, int End)> _long = [];
        private FragmentSearch? _search;

        private int _len;           // units in the buffer
        private int _rawOdd;        // UTF-16: a byte read past the last whole unit
        private bool _oddTail;      // UTF-16: the input ended on half a unit; the last unit stands for it
        private bool _eof;
        private int _regionStart;   // first line not yet searched
        private int _covered;       // everything before it has been given to the parser as needed
        private bool _active;       // the parser holds an open message that continues at _covered
        private int _countPos;      // a line start whose line number is _countLine
        private long _countLine = 1;
        private long _lines;

        public Run(LogScanner owner, string file, Stream stream, Encoding encoding, byte[] prefix, Action<LogEntry, LogRecognition?> onEntry)
        {
            _owner = owner;
            _file = file;
            _stream = stream;
            _encoding = encoding;
            _unit = encoding.CodePage == 1200 ? 2 : 1;
            _onEntry = onEntry;
            _window = 8 * owner._maxChars;
            _capacity = Math.Max(owner._chunk, 4 * owner._maxChars) + _window;
            _raw = new byte[(_capacity * _unit) + FragmentSearch.Padding];
            _units = _unit == 1 ? _raw : new byte[_capacity + FragmentSearch.Padding];
            _parser = new LogLineParser(file, owner._maxChars);
            Append(prefix);
        }

        public LogScanResult Execute()
        {
            Fill();
            if (_eof && !_owner._alwaysFilter)
            {
                // Fits in one buffer: parsing it whole costs less than choosing fragments.
                var text = _encoding.GetString(_raw, 0, RawBytes(0, _len));
                return _owner.Whole(_file, new StringReader(text), _onEntry, _encoding.WebName);
            }

            var sample = _units.AsSpan(0, _len);
            var recognized = _recognized = Recognize(sample);
            var fragments = FragmentChooser.Choose(_owner._texts, sample);
            if (fragments is null)
            {
                // A signature with nothing to search for: parse it all.
                var rest = new PrefixedStream(_raw.AsSpan(0, RawBytes(0, _len) + _rawOdd).ToArray(), _stream);
                return _owner.Whole(_file, rest, _encoding, _onEntry);
            }

            _search = new FragmentSearch(fragments, sample, _owner._simd);
            while (_len > 0)
            {
                if (!Round())
                {
                    break;
                }
            }

            _parser.Finish(_output);
            Emit();
            return new LogScanResult(_lines, _encoding.WebName, Filtered: true, recognized, _search.Level.ToString(), _search.Candidates);
        }

        private void Emit()
        {
            foreach (var e in _output)
            {
                _onEntry(e, _recognized);
            }

            _output.Clear();
        }

        /// <summary>One buffer: search, parse what the hits need, slide. False when the input is done.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Round()
        {
            var end = ProcessEnd();
            if (end <= _regionStart)
            {
                if (_eof)
                {
                    return false;
                }

                LongLine();
                Fill();
                return _len > 0;
            }

            if (_active)
            {
                PushLines(_covered, end, stopAfter: -1);
            }

            _hits.Clear();
            _search!.Search(_units, _regionStart, end, _hits);
            _long.Clear();
            LineTerminators.FindLong(_units, _regionStart, end, _owner._maxChars, _long);
            var h = 0;
            var l = 0;
            while (h < _hits.Count || l < _long.Count)
            {
                int at;
                if (l >= _long.Count || (h < _hits.Count && _hits[h] < _long[l].Start))
                {
                    at = _hits[h++];
                }
                else
                {
                    var (start, stop) = _long[l++];
                    if (_unit == 1 && Encoding.UTF8.GetCharCount(_raw, start, stop - start) <= _owner._maxChars)
                    {
                        continue; // long in bytes only: the reader does not cut it
                    }

                    at = start;
                }

                if (at < _covered)
                {
                    continue;
                }

                var lineStart = LineStart(at, _regionStart);
                PushLines(Restart(lineStart), end, stopAfter: lineStart);
            }

            _lines = LineAt(end) - 1;
            _regionStart = end;
            if (_eof && end >= _len)
            {
                _lines = LineAt(end) - 1 + (EndsWithoutTerminator() ? 1 : 0);
                return false;
            }

            Slide(end);
            Fill();
            return true;
        }

        /// <summary>Whether the data's last line has no terminator (it still counts as a line).</summary>
        private bool EndsWithoutTerminator() => _len > 0 && _units[_len - 1] is not ((byte)'\n' or (byte)'\r');

        /// <summary>
        /// Gives lines from <paramref name="from"/> (a line start) to the parser, up to <paramref name="limit"/>:
        /// all of them while a message is open, and at least through the line at <paramref name="stopAfter"/>.
        /// </summary>
        private void PushLines(int from, int limit, int stopAfter)
        {
            if (!_active)
            {
                _parser.Reset();
            }

            var number = LineAt(from);
            var at = from;
            while (at < limit)
            {
                var stop = IndexOfTerminator(at, limit);
                var next = stop < limit ? stop + (_units[stop] == '\r' && stop + 1 < _len && _units[stop + 1] == '\n' ? 2 : 1) : limit;
                var text = Decode(at, stop);
                var line = BoundedLineReader.Cut(text, _owner._maxChars, out var cut);
                _parser.Push(line, checked((int)number), cut, _output);
                Emit();
                number++;
                _covered = next;
                var passed = at >= stopAfter;
                at = next;
                if (passed && !_parser.IsPending)
                {
                    break;
                }
            }

            _active = _parser.IsPending;
        }

        /// <summary>
        /// Where to start parsing for a line at <paramref name="lineStart"/>: the nearest line before it that
        /// opens a CCM message, if one lies within reach of the cap (and after what was parsed), else the line itself.
        /// </summary>
        private int Restart(int lineStart)
        {
            var low = Math.Max(_covered, lineStart - _window);
            var at = lineStart;
            while (at > low)
            {
                var q = _units.AsSpan(low, at - low).LastIndexOf("<![LOG["u8);
                if (q < 0)
                {
                    break;
                }

                q += low;
                var start = LineStart(q, 0);
                if (start >= low && OnlyWhitespace(start, q))
                {
                    return start;
                }

                at = q;
            }

            return lineStart;
        }

        /// <summary>Whether the units in [<paramref name="start"/>, <paramref name="end"/>) decode to whitespace only (a BOM too on line 1).</summary>
        private bool OnlyWhitespace(int start, int end)
        {
            if (start == end)
            {
                return true;
            }

            var text = Decode(start, end).AsSpan();
            if (text.Length > 0 && text[0] == '\uFEFF' && LineAt(start) == 1)
            {
                text = text[1..];
            }

            return text.IsWhiteSpace();
        }

        /// <summary>The start of the line holding <paramref name="at"/>, not before <paramref name="low"/>.</summary>
        private int LineStart(int at, int low)
        {
            var i = _units.AsSpan(low, at - low).LastIndexOfAny((byte)'\r', (byte)'\n');
            return i < 0 ? low : low + i + 1;
        }

        private int IndexOfTerminator(int from, int limit)
        {
            var i = _units.AsSpan(from, limit - from).IndexOfAny((byte)'\r', (byte)'\n');
            return i < 0 ? limit : from + i;
        }

        /// <summary>The 1-based number of the line starting at <paramref name="at"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private long LineAt(int at)
        {
            if (at >= _countPos)
            {
                _countLine += LineTerminators.Count(_units, _countPos, at, _owner._simd);
                _countPos = at;
                return _countLine;
            }

            return _countLine - LineTerminators.Count(_units, at, _countPos, _owner._simd);
        }

        private string Decode(int start, int end) =>
            end <= start ? "" : _encoding.GetString(_raw, start * _unit, RawBytes(start, end));

        /// <summary>The raw bytes of the units in [<paramref name="start"/>, <paramref name="end"/>).</summary>
        private int RawBytes(int start, int end) => ((end - start) * _unit) - (_oddTail && end == _len ? 1 : 0);

        /// <summary>
        /// The data ends inside a line longer than the buffer: read it to its end keeping the head and the
        /// tail the reader keeps, and give it to the parser (after what it needs before it).
        /// </summary>
        private void LongLine()
        {
            var start = _regionStart;
            if (_active)
            {
                PushLines(_covered, start, stopAfter: -1);
            }

            if (!_active && _covered <= start)
            {
                // Put the parser in the state it has at this line.
                var restart = Restart(start);
                if (restart < start)
                {
                    PushLines(restart, start, stopAfter: start);
                }
            }

            var number = LineAt(start);
            var keep = Math.Max(_owner._maxChars, 2 * BoundedLineReader.TailKeep) - BoundedLineReader.TailKeep - 1;
            var head = Decode(start, Math.Min(_len, start + (4 * keep) + 4));
            head = head.Length > keep ? head[..keep] : head;
            var tailUnits = (8 * BoundedLineReader.TailKeep) + 8;
            var tail = new byte[tailUnits * _unit];
            var tailLength = 0;
            var at = start;
            bool crPending;
            while (true)
            {
                var stop = IndexOfTerminator(at, _len);
                var upTo = stop;
                tailLength = KeepTail(tail, tailLength, at, upTo);
                if (stop < _len)
                {
                    crPending = _units[stop] == '\r';
                    var next = stop + 1;
                    if (crPending && next < _len)
                    {
                        if (_units[next] == '\n')
                        {
                            next++;
                        }

                        crPending = false;
                    }

                    Consume(next, crPending);
                    break;
                }

                if (_eof)
                {
                    Consume(_len, false);
                    break;
                }

                // Drop what was read and read on.
                _len = 0;
                _regionStart = _covered = _countPos = 0;
                Fill();
                at = 0;
                if (_len == 0)
                {
                    break;
                }
            }

            var tailText = _encoding.GetString(tail, 0, tailLength);
            var line = string.Concat(head, "…", tailText.Length > BoundedLineReader.TailKeep ? tailText[^BoundedLineReader.TailKeep..] : tailText);
            _parser.Push(line, checked((int)number), cut: true, _output);
            Emit();
            _active = _parser.IsPending;
            _countLine = number + 1;
            _lines = number;
        }

        /// <summary>Keeps the last units of the long line in <paramref name="tail"/>; returns its length in bytes.</summary>
        private int KeepTail(byte[] tail, int length, int from, int to)
        {
            var bytes = _raw.AsSpan(from * _unit, RawBytes(from, to));
            if (bytes.Length >= tail.Length)
            {
                bytes[^tail.Length..].CopyTo(tail);
                return tail.Length;
            }

            var drop = Math.Max(0, length + bytes.Length - tail.Length);
            if (drop > 0)
            {
                tail.AsSpan(drop, length - drop).CopyTo(tail);
                length -= drop;
            }

            bytes.CopyTo(tail.AsSpan(length));
            return length + bytes.Length;
        }

        /// <summary>After a long line: the buffer continues at <paramref name="next"/> (a line start).</summary>
        private void Consume(int next, bool crPending)
        {
            _units.AsSpan(next, _len - next).CopyTo(_units);
            if (_unit == 2)
            {
                _raw.AsSpan(next * 2, ((_len - next) * 2) + _rawOdd).CopyTo(_raw);
            }

            _len -= next;
            _regionStart = _covered = _countPos = 0;
            if (crPending)
            {
                // The line ended with CR at the buffer's end: an LF that follows belongs to it.
                Fill();
                if (_len > 0 && _units[0] == '\n')
                {
                    _units.AsSpan(1, _len - 1).CopyTo(_units);
                    if (_unit == 2)
                    {
                        _raw.AsSpan(2, ((_len - 1) * 2) + _rawOdd).CopyTo(_raw);
                    }

                    _len--;
                }
            }
        }

        /// <summary>The end of the last complete line in the buffer (a CR at its very end may still get its LF).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int ProcessEnd()
        {
            if (_eof)
            {
                return _len;
            }

            var span = _units.AsSpan(_regionStart, _len - _regionStart);
            var last = span.LastIndexOfAny((byte)'\r', (byte)'\n');
            if (last < 0)
            {
                return _regionStart;
            }

            if (span[last] == '\r' && _regionStart + last == _len - 1)
            {
                var before = span[..last].LastIndexOfAny((byte)'\r', (byte)'\n');
                return before < 0 ? _regionStart : _regionStart + before + 1;
            }

            return _regionStart + last + 1;
        }

        /// <summary>Drops what no later hit can need: keep the window before <paramref name="end"/> and the unfinished line.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Slide(int end)
        {
            var keepFrom = Math.Clamp(Math.Max(end - _window, _covered), 0, end);
            keepFrom = Math.Min(keepFrom, _countPos);
            if (keepFrom == 0)
            {
                return;
            }

            _units.AsSpan(keepFrom, _len - keepFrom).CopyTo(_units);
            if (_unit == 2)
            {
                _raw.AsSpan(keepFrom * 2, ((_len - keepFrom) * 2) + _rawOdd).CopyTo(_raw);
            }

            _len -= keepFrom;
            _regionStart -= keepFrom;
            _covered = Math.Max(0, _covered - keepFrom);
            _countPos -= keepFrom;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Fill()
        {
            while (!_eof && _len < _capacity)
            {
                var rawAt = (_len * _unit) + _rawOdd;
                var want = (_capacity * _unit) - rawAt;
                var read = _stream.Read(_raw, rawAt, want);
                if (read <= 0)
                {
                    _eof = true;
                    if (_rawOdd == 1)
                    {
                        // A UTF-16 input that ends on half a character: the decoder gives U+FFFD for it.
                        _units[_len++] = 0x80;
                        _rawOdd = 0;
                        _oddTail = true;
                    }

                    break;
                }

                Grow(rawAt, read);
            }

            // Clear the padding so vector reads past the data see no stray line ends.
            _units.AsSpan(_len, FragmentSearch.Padding).Clear();
        }

        /// <summary>Adds bytes already read into <see cref="_raw"/> at <paramref name="rawAt"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Grow(int rawAt, int read)
        {
            if (_unit == 1)
            {
                _len += read;
                return;
            }

            var total = _rawOdd + read;
            var whole = total / 2;
            var first = _len;
            for (var k = 0; k < whole; k++)
            {
                var c = (char)(_raw[(first + k) * 2] | (_raw[((first + k) * 2) + 1] << 8));
                _units[first + k] = c < 0x80 ? (byte)c : (byte)0x80;
            }

            _len += whole;
            _rawOdd = total % 2;
        }

        private void Append(byte[] prefix)
        {
            prefix.CopyTo(_raw, (_len * _unit) + _rawOdd);
            Grow((_len * _unit) + _rawOdd, prefix.Length);
        }

        /// <summary>Which known log the sample's entries come from (by their component).</summary>
        private LogRecognition? Recognize(ReadOnlySpan<byte> sample)
        {
            var end = Math.Min(sample.Length, 256 * 1024);
            var cut = sample[..end].LastIndexOfAny((byte)'\r', (byte)'\n');
            var text = _encoding.GetString(_raw, 0, (cut < 0 ? end : cut) * _unit);
            var recognizer = new LogRecognizer();
            var parser = new LogLineParser(_file, _owner._maxChars);
            var output = new List<LogEntry>();
            using var reader = new StringReader(text);
            var lines = new BoundedLineReader(reader, _owner._maxChars);
            var n = 0;
            while (lines.ReadLine(out var c) is { } line && n < 2000)
            {
                parser.Push(line, ++n, c, output);
                foreach (var e in output)
                {
                    recognizer.Observe(e);
                }

                output.Clear();
            }

            return recognizer.Result();
        }
    }
}
