using System.Text;
using Markdig;
using Markdig.Syntax;
using OobWizard.Core.Content;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Export;

/// <summary>
/// A symptom's subtree as a printable checklist: every question with its branches, every check
/// (probe nodes with their manual question), every diagnosis with its fix, numbered in the order
/// a person would walk them.
/// </summary>
public static class ChecklistExporter
{
    /// <summary>Finds a symptom by its choice id on the start node or by its sym.* node id.</summary>
    public static Choice? FindSymptom(DecisionTree tree, string symptom) =>
        tree.Symptoms.FirstOrDefault(c => c.Id == symptom || c.Next == symptom || c.Next == "sym." + symptom);

    public static IReadOnlyList<Node> Steps(DecisionTree tree, string entry)
    {
        var order = new List<Node>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string id)
        {
            if (!seen.Add(id) || tree.Find(id) is not { } n || n.Kind == NodeKind.End)
            {
                return;
            }

            order.Add(n);
            foreach (var next in n.Verdicts.Values.Concat(n.Choices.Select(c => c.Next)))
            {
                Visit(next);
            }
        }

        Visit(entry);
        return order;
    }

    public static string ToMarkdown(ContentSet content, string language, Choice symptom)
    {
        var tree = content.Tree;
        var steps = Steps(tree, symptom.Next);
        var number = steps.Select((n, i) => (n.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("# ").Append(content.Ui(language, "checklist.title")).Append(": ")
          .Append(content.ChoiceLabel(language, Node.StartId, symptom.Id)).Append("\n\n");
        sb.Append(content.Ui(language, "checklist.intro")).Append("\n\n");
        foreach (var node in steps)
        {
            var text = content.Text(language, node.Id);
            var kind = content.Ui(language, "kind." + GraphExporter.Kind(node.Kind));
            sb.Append("## ").Append(number[node.Id]).Append(". ").Append(kind).Append(": ").Append(text.Title);
            if (node.Kind == NodeKind.Diagnosis)
            {
                sb.Append(" (`").Append(node.Id).Append("`)");
            }

            sb.Append("\n\n");
            if (node.Kind == NodeKind.Probe)
            {
                sb.Append("> ").Append(content.UiFormat(language, "checklist.probe", node.Probe)).Append("\n\n");
            }

            if (!string.IsNullOrWhiteSpace(text.Body))
            {
                sb.Append(Demote(text.Body).Trim()).Append("\n\n");
            }

            if (node.Kind == NodeKind.Diagnosis && text.Verify is { } verify)
            {
                sb.Append("**").Append(verify).Append("**\n\n");
            }

            foreach (var c in node.Choices)
            {
                sb.Append("- [ ] ").Append(content.ChoiceLabel(language, node.Id, c.Id)).Append(" → ").Append(Target(content, language, c.Next, number));
                if (c.Requires.Count > 0)
                {
                    sb.Append(" (").Append(content.UiFormat(language, "checklist.only-if", string.Join(", ", c.Requires))).Append(')');
                }

                sb.Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string ToHtml(ContentSet content, string language, Choice symptom) =>
        HtmlPage.FromMarkdown(
            language,
            content.Ui(language, "checklist.title") + ": " + content.ChoiceLabel(language, Node.StartId, symptom.Id),
            ToMarkdown(content, language, symptom));

    /// <summary>Moves the node's own headings below the step headings and drops their {#id} attributes.</summary>
    public static string Demote(string body)
    {
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => (string?)l).ToArray();
        foreach (var h in MarkdownSupport.Parse(text).Descendants<Markdig.Syntax.HeadingBlock>())
        {
            if (h.Line < 0 || h.Line >= lines.Length)
            {
                continue;
            }

            var level = Math.Min(6, h.Level + 2);
            if (h.IsSetext && h.Parent is MarkdownDocument)
            {
                // "Fix {#fix}" over "---" (h.Line is the underline): one ATX line instead of the text lines and the underline.
                var first = text[..Math.Min(h.Span.Start, text.Length)].Count(c => c == '\n');
                var title = string.Join(' ', lines[first..h.Line].Select(l => l!.Trim()));
                lines[first] = new string('#', level) + " " + StripId(title);
                for (var i = first + 1; i <= h.Line; i++)
                {
                    lines[i] = null;
                }

                continue;
            }

            if (lines[h.Line] is not { } line || !line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            lines[h.Line] = new string('#', level) + " " + StripId(line).TrimStart().TrimStart('#').Trim();
        }

        return string.Join('\n', lines.OfType<string>());
    }

    private static string StripId(string heading) =>
        System.Text.RegularExpressions.Regex.Replace(heading, @"\s*\{#[^}]*\}\s*$", "");

    private static string Target(ContentSet content, string language, string next, Dictionary<string, int> number) =>
        number.TryGetValue(next, out var n)
            ? content.UiFormat(language, "checklist.goto", n)
            : next == Node.ResolvedId ? content.Ui(language, "checklist.resolved")
            : next == Node.EscalateId ? content.Ui(language, "checklist.escalate")
            : next;
}
