using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// Matches log entries against signatures. A signature matches an entry when its text, with ASCII
/// letters compared case-insensitively and every run of whitespace read as one space, is a substring
/// of the entry's message (and one of its <see cref="LogSignature.With"/> fragments is too), and the
/// entry comes from the signature's log. Which log an entry comes from is read from its content first:
/// its component (<c>component="…"</c>, <c>$$&lt;SMS_AMT_OPERATION_MANAGER&gt;</c>), else the log the
/// input's other lines name, else the file name (which only has to contain the log's name, as
/// <c>PC01_Oobconsole (1).log</c> does); an entry from an unknown source (stdin, pasted text) is matched
/// on its text alone. A shared message's match is dropped for an entry that also matches a specific
/// signature of one of its candidates; a node matched only by supporting signatures is no candidate.
/// Candidates rank by distinct signatures matched, then by <see cref="LogSignature.Order"/>.
/// </summary>
public sealed class LogMatcher
{
    public const int MaxHitsPerDiagnosis = 200;

    private readonly List<Compiled> _all = [];
    private readonly List<Compiled> _anyFile = [];
    private readonly Dictionary<string, List<Compiled>> _byLog = new(StringComparer.Ordinal);
    private readonly List<string> _logNames;
    private readonly Dictionary<string, Accumulator> _found = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Compiled>> _perNode = new(StringComparer.Ordinal);

    public LogMatcher(IEnumerable<LogSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        foreach (var s in signatures)
        {
            var text = Normalize(s.Text);
            if (text.Length == 0)
            {
                continue; // an empty signature would match everything
            }

            var compiled = new Compiled(s, text, s.With.Select(Normalize).Where(w => w.Length > 0).ToArray(), _all.Count);
            _all.Add(compiled);
            if (s.File.Trim() == LogSignature.AnyFile)
            {
                _anyFile.Add(compiled);
            }
            else
            {
                var key = LogKey(s.File);
                if (!_byLog.TryGetValue(key, out var list))
                {
                    _byLog[key] = list = [];
                }

                list.Add(compiled);
            }
        }

        _logNames = KnownLogs.All.Select(l => l.Name.ToLowerInvariant()).Concat(_byLog.Keys).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>How many entries were looked at.</summary>
    public long EntriesSeen { get; private set; }

    /// <summary>The signatures' texts, for <see cref="LogScanner"/>.</summary>
    public IEnumerable<LogSignature> Signatures => _all.Select(c => c.Signature);

    public static IReadOnlyList<LogCandidate> Match(IEnumerable<LogEntry> entries, IEnumerable<LogSignature> signatures)
    {
        var matcher = new LogMatcher(signatures);
        foreach (var e in entries)
        {
            matcher.Observe(e);
        }

        return matcher.Candidates();
    }

    /// <summary>
    /// The log (lower-case name) an entry comes from: its component's, else <paramref name="input"/>'s
    /// (what the input's content names), else its file name's; null when none says.
    /// </summary>
    public string? LogOf(LogEntry entry, LogRecognition? input = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (KnownLogs.ByComponent(entry.Component) is { } byComponent)
        {
            return byComponent.Name.ToLowerInvariant();
        }

        if (input is not null)
        {
            return LogKey(input.Log);
        }

        if (IsUnknownFile(entry.File))
        {
            return null;
        }

        var name = Path.GetFileName(entry.File.Trim().Replace('\\', '/')).ToLowerInvariant();
        return _logNames.Where(n => name.Contains(Path.GetFileNameWithoutExtension(n), StringComparison.Ordinal))
            .OrderByDescending(n => n.Length).FirstOrDefault();
    }

    /// <param name="entry">the entry.</param>
    /// <param name="input">which log the entry's input was recognised as by its content, if any.</param>
    public void Observe(LogEntry entry, LogRecognition? input = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EntriesSeen++;
        if (entry.Message.Length == 0)
        {
            return;
        }

        var log = LogOf(entry, input);
        var text = Normalize(entry.Message);
        Dictionary<string, List<Compiled>>? perNode = null;
        if (log is null)
        {
            Test(_all, text, ref perNode);
        }
        else
        {
            if (_byLog.TryGetValue(log, out var pool))
            {
                Test(pool, text, ref perNode);
            }

            Test(_anyFile, text, ref perNode);
        }

        if (perNode is null)
        {
            return;
        }

        // A shared message says less than a specific line of one of its causes in the same entry.
        var specific = perNode.Where(p => p.Value.All(c => c.Signature.Candidates.Count == 0)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (node, matched) in perNode)
        {
            var sigs = matched.Select(c => c.Signature).ToList();
            if (sigs.Any(s => s.Candidates.Count > 0) && sigs.SelectMany(s => s.Candidates).Any(specific.Contains))
            {
                continue;
            }

            if (!_found.TryGetValue(node, out var acc))
            {
                _found[node] = acc = new Accumulator(node);
            }

            foreach (var c in matched)
            {
                acc.Order = Math.Min(acc.Order, c.Signature.Order);
                acc.Matched.Add(c.Index);
                if (acc.Candidates.Count == 0 && c.Signature.Candidates.Count > 0)
                {
                    acc.Candidates = c.Signature.Candidates;
                }
            }

            acc.HitCount++;
            if (acc.Hits.Count < MaxHitsPerDiagnosis)
            {
                acc.Hits.Add(new LogHit(entry, sigs));
            }
        }
    }

    /// <summary>The nodes matched so far, best first (a node matched only by supporting signatures is left out).</summary>
    public IReadOnlyList<LogCandidate> Candidates() =>
        _found.Values
            .Where(a => a.Matched.Any(i => !_all[i].Signature.Supporting))
            .Select(a => new LogCandidate(
                a.Id,
                a.Order,
                a.Matched.Order().Select(i => _all[i].Signature).DistinctBy(s => (LogKey(s.File), Normalize(s.Text))).ToList(),
                a.Hits.ToList(),
                a.HitCount,
                a.Candidates))
            .OrderByDescending(c => c.Signatures.Count)
            .ThenBy(c => c.Order)
            .ThenBy(c => c.NodeId, StringComparer.Ordinal)
            .ToList();

    /// <summary>ASCII letters lower-cased, every run of whitespace one space, trimmed. Other characters stay as they are.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return sb.ToString();
    }

    /// <summary>Stdin or pasted text: no file name to go by.</summary>
    public static bool IsUnknownFile(string? name) => string.IsNullOrWhiteSpace(name) || name.Trim() == "-";

    /// <summary>Whether two paths name the same log: file name only, case-insensitive, <c>.lo_</c> as <c>.log</c>.</summary>
    public static bool SameFile(string a, string b) => LogKey(a) == LogKey(b);

    private static string LogKey(string path)
    {
        var name = path.Trim().Replace('\\', '/');
        name = Path.GetFileName(name).ToLowerInvariant();
        return name.EndsWith(".lo_", StringComparison.Ordinal) ? name[..^4] + ".log" : name;
    }

    private static void Test(List<Compiled> pool, string text, ref Dictionary<string, List<Compiled>>? perNode)
    {
        foreach (var c in pool)
        {
            if (text.Contains(c.Text, StringComparison.Ordinal) && (c.With.Length == 0 || c.With.Any(w => text.Contains(w, StringComparison.Ordinal))))
            {
                perNode ??= new(StringComparer.Ordinal);
                if (!perNode.TryGetValue(c.Signature.NodeId, out var list))
                {
                    perNode[c.Signature.NodeId] = list = [];
                }

                list.Add(c);
            }
        }
    }

    private sealed record Compiled(LogSignature Signature, string Text, string[] With, int Index);

    private sealed class Accumulator(string id)
    {
        public string Id { get; } = id;

        public int Order { get; set; } = int.MaxValue;

        public HashSet<int> Matched { get; } = [];

        public List<LogHit> Hits { get; } = [];

        public int HitCount { get; set; }

        public IReadOnlyList<string> Candidates { get; set; } = [];
    }
}
