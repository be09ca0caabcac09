using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OobWizard.Cli.Json;
using OobWizard.Cli.Rendering;
using OobWizard.Core.Content;
using OobWizard.Logs;

namespace OobWizard.Cli.Commands;

/// <summary>
/// Prints what <c>logs</c> found, as text or as JSON with the same facts and hints: each input and how
/// it was read, what was left out, the candidates (a shared message with the causes it can mean), the
/// ranked error lines and the suggested symptom when nothing matched, and where <c>--start</c> opens.
/// Titles are in the chosen language.
/// </summary>
internal sealed class LogsOutput(ContentSet content, string lang, LogsResult result)
{
    /// <summary>How many matching lines of one candidate the text shows.</summary>
    public const int LinesShown = 5;

    /// <summary>How many error lines the "nothing matched" view shows.</summary>
    public const int ErrorLinesShown = 10;

    private const int MessageWidth = 160;

    /// <param name="w">Where the text goes.</param>
    /// <param name="width">A terminal's width: sentences are wrapped to it with a hanging indent (log lines never are); null: one line each.</param>
    public void WriteText(TextWriter w, int? width = null)
    {
        void Say(string text, string prefix = "", int? hang = null) => WrappedText.Write(w, text, width, prefix, hang);

        foreach (var input in result.Inputs)
        {
            Say(M.Format("logs.input", Display(input.Name), Lines(input.Lines), input.Describe()), hang: 2);
        }

        foreach (var note in result.Notes)
        {
            Say(M.Format(note.Kind == LogInputNote.Unreadable ? "logs.note.unreadable" : "logs.note.skipped", note.Path, note.Reason), hang: 2);
        }

        if (result.Candidates.Count == 0)
        {
            WriteNothingMatched(w, width);
            return;
        }

        for (var i = 0; i < result.Candidates.Count; i++)
        {
            var c = result.Candidates[i];
            w.WriteLine();
            if (c.IsShared)
            {
                Say(M.Format("logs.shared", i + 1, c.Signatures[0].Text), hang: 3);
                foreach (var d in c.Candidates)
                {
                    Say($"{Title(d)} ({d})", "   - ");
                }

                Say(M.Format("logs.asks-which", c.NodeId, Counts(c)), "   ");
            }
            else
            {
                Say(Title(c.NodeId), $"{i + 1}. ", hang: 3);
                Say($"{c.NodeId}: {Counts(c)}", "   ");
            }

            foreach (var hit in c.Hits.Take(LinesShown))
            {
                var location = $"{Display(hit.Entry.File)}:{hit.Entry.Line}";
                var lines = MatchedLines(hit);
                w.WriteLine($"   {location}  {OneLine(lines[0])}");
                foreach (var more in lines.Skip(1))
                {
                    w.WriteLine($"   {new string(' ', location.Length)}  {OneLine(more)}");
                }
            }

            if (c.HitCount > LinesShown)
            {
                w.WriteLine("   " + M.Format("logs.more", c.HitCount - LinesShown));
            }
        }

        w.WriteLine();
        foreach (var hint in Hints())
        {
            Say(hint, hang: 2);
        }
    }

    public void WriteJson(TextWriter w)
    {
        var document = new LogsDocument(
            result.Inputs.Select(i => new LogsInputDocument(
                i.Name,
                i.Lines,
                i.Recognized?.Log ?? i.NameHint?.Name,
                i.Recognized is not null ? LogRecognition.ByComponent : i.NameHint is not null ? LogRecognition.ByFileName : null,
                i.Recognized?.Evidence,
                i.Filtered,
                i.Describe())).ToList(),
            result.Notes.Select(n => new LogsNoteDocument(n.Path, n.Kind, n.Reason)).ToList(),
            result.Candidates.Select(Candidate).ToList(),
            result.ErrorLines.Select(l => new LogsErrorLineDocument(
                l.First.File,
                l.First.Line,
                l.First.Message,
                l.Count,
                l.Score,
                l.Log,
                l.First.Severity.ToString().ToLowerInvariant(),
                l.Codes)).ToList(),
            result.SuggestedSymptom,
            result.StartAt,
            [.. result.Candidates.Count == 0 ? NothingMatchedHints() : Hints()]);
        w.WriteLine(JsonSerializer.Serialize(document, RelaxedJson.LogsDocument));
    }

    /// <summary>Relaxed escaping: log text (German, Japanese) stays readable; control characters are still escaped.</summary>
    private static readonly CliJsonContext RelaxedJson = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private LogsCandidateDocument Candidate(LogCandidate c) => new(
        c.NodeId,
        c.IsShared ? "shared-message" : "diagnosis",
        Title(c.NodeId),
        c.Order,
        c.Candidates.Select(d => new LogsCauseDocument(d, Title(d))).ToList(),
        c.Signatures.Select(s => new LogsSignatureDocument(s.File, s.Text, s.Supporting)).ToList(),
        Total(c),
        c.HitCount,
        c.Hits.Select(hit => new LogsHitDocument(
            hit.Entry.File,
            hit.Entry.Line,
            hit.Entry.Message,
            hit.Entry.Component,
            hit.Entry.Timestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            hit.Entry.Severity.ToString().ToLowerInvariant(),
            hit.Entry.Format.ToString().ToLowerInvariant(),
            hit.Signatures.Select(s => s.Text).ToList())).ToList());

    private void WriteNothingMatched(TextWriter w, int? width)
    {
        WrappedText.Write(w, M.Format("logs.nothing-matched"), width);
        if (result.ErrorLines.Count > 0)
        {
            w.WriteLine();
            WrappedText.Write(w, M.Format("logs.error-lines"), width);
            foreach (var line in result.ErrorLines)
            {
                var location = $"{Display(line.First.File)}:{line.First.Line}";
                var times = line.Count > 1 ? $" (×{line.Count})" : "";
                w.WriteLine($"   {location}  {OneLine(line.First.Message)}{times}");
            }
        }

        w.WriteLine();
        foreach (var hint in NothingMatchedHints())
        {
            WrappedText.Write(w, hint, width, hang: 2);
        }
    }

    private IEnumerable<string> Hints()
    {
        var top = result.Candidates[0];
        yield return top.IsShared
            ? M.Format("logs.hint.start-shared", top.NodeId)
            : M.Format("logs.hint.start", top.NodeId);
    }

    private IEnumerable<string> NothingMatchedHints()
    {
        if (result.ErrorLines.Count == 0)
        {
            yield return M.Format("logs.hint.no-error-lines");
        }

        if (result.SuggestedSymptom is { } symptom)
        {
            yield return M.Format("logs.hint.symptom", content.ChoiceLabel(lang, Core.Tree.Node.StartId, symptom), symptom);
        }
        else
        {
            yield return M.Format("logs.hint.offline");
        }
    }

    private string Title(string nodeId) => content.Text(lang, nodeId).Title;

    private int Total(LogCandidate c) => content.Tree.Find(c.NodeId)?.Logs.Count ?? c.Signatures.Count;

    private string Counts(LogCandidate c) =>
        M.Format("logs.counts", c.Signatures.Count, Total(c), M.Count("logs.matching", c.HitCount));

    private static string Lines(long n) => M.Format(n == 1 ? "logs.lines.one" : "logs.lines.many", n);

    /// <summary>This run's messages (the language the titles are in too).</summary>
    private static Messages M => Messages.Current;

    private static string Display(string file) => file == "-" ? "stdin" : file;

    /// <summary>
    /// The lines of a (multi-line) message that hold a matched signature, in order; the first line
    /// when the match runs across lines.
    /// </summary>
    private static IReadOnlyList<string> MatchedLines(LogHit hit)
    {
        var lines = hit.Entry.Message.Split('\n');
        if (lines.Length == 1)
        {
            return lines;
        }

        var texts = hit.Signatures.Select(s => LogMatcher.Normalize(s.Text)).ToList();
        var matched = lines.Where(l => texts.Any(t => LogMatcher.Normalize(l).Contains(t, StringComparison.Ordinal))).ToList();
        return matched.Count > 0 ? matched : [lines[0]];
    }

    /// <summary>The message on one line: whitespace runs as one space, cut to the width.</summary>
    private static string OneLine(string message)
    {
        var sb = new StringBuilder(Math.Min(message.Length, MessageWidth + 1));
        var space = false;
        foreach (var ch in message)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            if (sb.Length >= MessageWidth)
            {
                sb.Append('…');
                break;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
