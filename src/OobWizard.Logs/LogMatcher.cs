using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// Matches log entries against diagnosis signatures. A signature matches an entry when its text,
/// case-insensitive and with every run of whitespace read as one space, is a substring of the
/// entry's message, and the entry's file has the signature's file name (case-insensitive, a rotated
/// <c>.lo_</c> counts as <c>.log</c>, folders ignored). An entry from an unknown file (stdin, pasted
/// text: file name empty or <c>-</c>) is matched on its text alone. Candidates rank by the number of
/// distinct signatures matched, then by <see cref="LogSignature.Order"/>.
/// </summary>
public sealed class LogMatcher
{
    public const int MaxHitsPerDiagnosis = 200;

    private readonly List<Compiled> _all = [];
    private readonly Dictionary<string, List<Compiled>> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Accumulator> _found = new(StringComparer.Ordinal);

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

            var compiled = new Compiled(s, text, _all.Count);
            _all.Add(compiled);
            var key = FileKey(s.File);
            if (!_byFile.TryGetValue(key, out var list))
            {
                _byFile[key] = list = [];
            }

            list.Add(compiled);
        }
    }

    /// <summary>How many entries were looked at.</summary>
    public int EntriesSeen { get; private set; }

    public static IReadOnlyList<LogCandidate> Match(IEnumerable<LogEntry> entries, IEnumerable<LogSignature> signatures)
    {
        var matcher = new LogMatcher(signatures);
        foreach (var e in entries)
        {
            matcher.Observe(e);
        }

        return matcher.Candidates();
    }

    public void Observe(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EntriesSeen++;
        List<Compiled>? pool = IsUnknownFile(entry.File) ? _all : _byFile.GetValueOrDefault(FileKey(entry.File));
        if (pool is null || pool.Count == 0 || entry.Message.Length == 0)
        {
            return;
        }

        var text = Normalize(entry.Message);
        Dictionary<string, List<LogSignature>>? perDiagnosis = null;
        foreach (var c in pool)
        {
            if (text.Contains(c.Text, StringComparison.Ordinal))
            {
                perDiagnosis ??= new(StringComparer.Ordinal);
                if (!perDiagnosis.TryGetValue(c.Signature.DiagnosisId, out var list))
                {
                    perDiagnosis[c.Signature.DiagnosisId] = list = [];
                }

                list.Add(c.Signature);
                if (!_found.TryGetValue(c.Signature.DiagnosisId, out var acc))
                {
                    _found[c.Signature.DiagnosisId] = acc = new Accumulator(c.Signature.DiagnosisId);
                }

                acc.Order = Math.Min(acc.Order, c.Signature.Order);
                acc.Matched.Add(c.Index);
            }
        }

        if (perDiagnosis is null)
        {
            return;
        }

        foreach (var (id, sigs) in perDiagnosis)
        {
            var acc = _found[id];
            acc.HitCount++;
            if (acc.Hits.Count < MaxHitsPerDiagnosis)
            {
                acc.Hits.Add(new LogHit(entry, sigs));
            }
        }
    }

    /// <summary>The diagnoses matched so far, best first.</summary>
    public IReadOnlyList<LogCandidate> Candidates() =>
        _found.Values
            .Select(a => new LogCandidate(
                a.Id,
                a.Order,
                a.Matched.Order().Select(i => _all[i].Signature).DistinctBy(s => (FileKey(s.File), Normalize(s.Text))).ToList(),
                a.Hits.ToList(),
                a.HitCount))
            .OrderByDescending(c => c.Signatures.Count)
            .ThenBy(c => c.Order)
            .ThenBy(c => c.DiagnosisId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Lower case, every run of whitespace one space, trimmed.</summary>
    public static string Normalize(string text)
    {
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

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Stdin or pasted text: no file name to go by.</summary>
    public static bool IsUnknownFile(string? name) => string.IsNullOrWhiteSpace(name) || name.Trim() == "-";

    /// <summary>Whether two paths name the same log: file name only, case-insensitive, <c>.lo_</c> as <c>.log</c>.</summary>
    public static bool SameFile(string a, string b) => FileKey(a) == FileKey(b);

    private static string FileKey(string path)
    {
        var name = path.Trim();
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        name = name.ToLowerInvariant();
        return name.EndsWith(".lo_", StringComparison.Ordinal) ? name[..^4] + ".log" : name;
    }

    private sealed record Compiled(LogSignature Signature, string Text, int Index);

    private sealed class Accumulator(string id)
    {
        public string Id { get; } = id;

        public int Order { get; set; } = int.MaxValue;

        public HashSet<int> Matched { get; } = [];

        public List<LogHit> Hits { get; } = [];

        public int HitCount { get; set; }
    }
}
