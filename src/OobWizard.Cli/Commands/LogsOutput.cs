using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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

    public void WriteText(TextWriter w)
    {
        foreach (var input in result.Inputs)
        {
            w.WriteLine($"{Display(input.Name)}: {Lines(input.Lines)}, {input.Describe()}");
        }

        foreach (var note in result.Notes)
        {
            w.WriteLine($"{(note.Kind == LogInputNote.Unreadable ? "cannot read" : "not read")}: {note.Path}: {note.Reason}");
        }

        if (result.Candidates.Count == 0)
        {
            WriteNothingMatched(w);
            return;
        }

        for (var i = 0; i < result.Candidates.Count; i++)
        {
            var c = result.Candidates[i];
            w.WriteLine();
            if (c.IsShared)
            {
                w.WriteLine($"{i + 1}. \"{c.Signatures[0].Text}\" is a message several causes share. It can mean:");
                foreach (var d in c.Candidates)
                {
                    w.WriteLine($"   - {Title(d)} ({d})");
                }

                w.WriteLine($"   {c.NodeId} asks which: {Counts(c)}");
            }
            else
            {
                w.WriteLine($"{i + 1}. {Title(c.NodeId)}");
                w.WriteLine($"   {c.NodeId}: {Counts(c)}");
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
                w.WriteLine($"   … and {c.HitCount - LinesShown} more");
            }
        }

        w.WriteLine();
        foreach (var hint in Hints())
        {
            w.WriteLine(hint);
        }
    }

    public void WriteJson(TextWriter w)
    {
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartObject();
            j.WriteStartArray("inputs");
            foreach (var input in result.Inputs)
            {
                j.WriteStartObject();
                j.WriteString("file", input.Name);
                j.WriteNumber("lines", input.Lines);
                j.WriteString("log", input.Recognized?.Log ?? input.NameHint?.Name);
                j.WriteString("by", input.Recognized is not null ? LogRecognition.ByComponent : input.NameHint is not null ? LogRecognition.ByFileName : null);
                j.WriteString("component", input.Recognized?.Evidence);
                j.WriteBoolean("filtered", input.Filtered);
                j.WriteString("read", input.Describe());
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                j.WriteStartObject();
                j.WriteString("path", note.Path);
                j.WriteString("kind", note.Kind);
                j.WriteString("reason", note.Reason);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("candidates");
            foreach (var c in result.Candidates)
            {
                WriteCandidate(j, c);
            }

            j.WriteEndArray();
            j.WriteStartArray("errorLines");
            foreach (var line in result.ErrorLines)
            {
                j.WriteStartObject();
                j.WriteString("file", line.First.File);
                j.WriteNumber("line", line.First.Line);
                j.WriteString("message", line.First.Message);
                j.WriteNumber("count", line.Count);
                j.WriteNumber("score", line.Score);
                j.WriteString("log", line.Log);
                j.WriteString("severity", line.First.Severity.ToString().ToLowerInvariant());
                j.WriteStartArray("codes");
                foreach (var code in line.Codes)
                {
                    j.WriteStringValue(code);
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteString("suggestedSymptom", result.SuggestedSymptom);
            j.WriteString("start", result.StartAt);
            j.WriteStartArray("hints");
            foreach (var hint in result.Candidates.Count == 0 ? NothingMatchedHints() : Hints())
            {
                j.WriteStringValue(hint);
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        w.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private void WriteCandidate(Utf8JsonWriter j, LogCandidate c)
    {
        j.WriteStartObject();
        j.WriteString("id", c.NodeId);
        j.WriteString("kind", c.IsShared ? "shared-message" : "diagnosis");
        j.WriteString("title", Title(c.NodeId));
        j.WriteNumber("order", c.Order);
        j.WriteStartArray("candidates");
        foreach (var d in c.Candidates)
        {
            j.WriteStartObject();
            j.WriteString("id", d);
            j.WriteString("title", Title(d));
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteStartArray("signatures");
        foreach (var s in c.Signatures)
        {
            j.WriteStartObject();
            j.WriteString("file", s.File);
            j.WriteString("text", s.Text);
            if (s.Supporting)
            {
                j.WriteBoolean("supporting", true);
            }

            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteNumber("signaturesTotal", Total(c));
        j.WriteNumber("hitCount", c.HitCount);
        j.WriteStartArray("hits");
        foreach (var hit in c.Hits)
        {
            var e = hit.Entry;
            j.WriteStartObject();
            j.WriteString("file", e.File);
            j.WriteNumber("line", e.Line);
            j.WriteString("message", e.Message);
            if (e.Component is not null)
            {
                j.WriteString("component", e.Component);
            }

            if (e.Timestamp is { } t)
            {
                j.WriteString("time", t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            }

            j.WriteString("severity", e.Severity.ToString().ToLowerInvariant());
            j.WriteString("format", e.Format.ToString().ToLowerInvariant());
            j.WriteStartArray("signatures");
            foreach (var s in hit.Signatures)
            {
                j.WriteStringValue(s.Text);
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteEndObject();
    }

    private void WriteNothingMatched(TextWriter w)
    {
        w.WriteLine("No known log signature matched.");
        if (result.ErrorLines.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("The error and warning lines found, most telling first:");
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
            w.WriteLine(hint);
        }
    }

    private IEnumerable<string> Hints()
    {
        var top = result.Candidates[0];
        yield return top.IsShared
            ? $"Start the wizard at the question that tells these causes apart ({top.NodeId}): add --start"
            : $"Start the wizard at {top.NodeId}: add --start";
    }

    private IEnumerable<string> NothingMatchedHints()
    {
        if (result.ErrorLines.Count == 0)
        {
            yield return "No error or warning lines either: the problem may not be in these logs (see `oobwizard logs --help` for the ones that tell).";
        }

        if (result.SuggestedSymptom is { } symptom)
        {
            yield return $"Suggested symptom to start from: {content.ChoiceLabel(lang, Core.Tree.Node.StartId, symptom)} ({symptom}); open the wizard there: add --start";
        }
        else
        {
            yield return "Start the wizard at the symptom you see: oobwizard --offline";
        }
    }

    private string Title(string nodeId) => content.Text(lang, nodeId).Title;

    private int Total(LogCandidate c) => content.Tree.Find(c.NodeId)?.Logs.Count ?? c.Signatures.Count;

    private string Counts(LogCandidate c) =>
        $"{c.Signatures.Count} of {Total(c)} signatures, {c.HitCount} matching {(c.HitCount == 1 ? "line" : "lines")}";

    private static string Lines(long n) => n == 1 ? "1 line" : $"{n.ToString(CultureInfo.InvariantCulture)} lines";

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
