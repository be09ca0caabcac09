using System.Text;
using System.Text.RegularExpressions;

namespace OobWizard.Logs;

/// <summary>
/// Collects the error and warning lines of logs in which no signature matched, so that the user sees
/// what the logs do complain about: an error (CCM <c>type="3"</c>, or "error" in the text as CMTrace
/// reads other formats) scores 3, a warning 1, a failure HRESULT (<c>0x8…</c>, 8 hex digits) 2 more,
/// and "fail", "cannot" or "unable" 1 more. Lines that differ only in numbers (host names, counts,
/// times) count as one kind. Memory is bounded (<see cref="MaxKinds"/>).
/// </summary>
public sealed partial class ErrorLineRanker
{
    public const int MaxKinds = 10_000;

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private long _order;

    [GeneratedRegex(@"\b0x8[0-9a-f]{7}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hresult();

    [GeneratedRegex(@"\b(fail(ed|ure|s)?|cannot|can not|unable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Failure();

    /// <param name="entry">an entry of any input.</param>
    /// <param name="log">the known log it comes from (lower-case name), if any.</param>
    public void Observe(LogEntry entry, string? log)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var score = Score(entry, out var codes);
        if (score == 0)
        {
            return;
        }

        var key = Key(entry.Message);
        if (_groups.TryGetValue(key, out var g))
        {
            g.Count++;
            return;
        }

        if (_groups.Count < MaxKinds)
        {
            _groups[key] = new Group(entry, score, log, codes, _order++);
        }
    }

    /// <summary>The <paramref name="count"/> most telling kinds: score, then how often, then first seen.</summary>
    public IReadOnlyList<RankedLine> Top(int count) =>
        _groups.Values
            .OrderByDescending(g => g.Score)
            .ThenByDescending(g => g.Count)
            .ThenBy(g => g.Order)
            .Take(count)
            .Select(g => new RankedLine(g.First, g.Count, g.Score, g.Log, g.Codes))
            .ToList();

    private static int Score(LogEntry entry, out IReadOnlyList<string> codes)
    {
        var text = entry.Message;
        var severity = entry.Severity is LogSeverity.Error or LogSeverity.Warning ? entry.Severity : LogParser.Guess(text, LogSeverity.Unknown);
        var score = severity switch
        {
            LogSeverity.Error => 3,
            LogSeverity.Warning => 1,
            _ => 0,
        };
        codes = Hresult().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (codes.Count > 0)
        {
            score += 2;
        }

        if (Failure().IsMatch(text))
        {
            score += 1;
        }

        return score;
    }

    /// <summary>The message with digits outside error codes replaced, whitespace runs as one space.</summary>
    private static string Key(string message)
    {
        var sb = new StringBuilder(message.Length);
        foreach (var token in message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            if (token.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                sb.Append(token.ToLowerInvariant());
                continue;
            }

            foreach (var c in token)
            {
                sb.Append(char.IsAsciiDigit(c) ? '#' : c);
            }
        }

        return sb.ToString();
    }

    private sealed class Group(LogEntry first, int score, string? log, IReadOnlyList<string> codes, long order)
    {
        public LogEntry First { get; } = first;

        public int Score { get; } = score;

        public string? Log { get; } = log;

        public IReadOnlyList<string> Codes { get; } = codes;

        public long Order { get; } = order;

        public int Count { get; set; } = 1;
    }
}
