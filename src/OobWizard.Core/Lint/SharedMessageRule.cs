using System.Text;
using System.Text.RegularExpressions;
using OobWizard.Core.Content;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Lint;

/// <summary>
/// Log signatures point at one cause each. A message several causes share (SP2's "Error: Device
/// internal error." lists five) is written once, on the question that separates them, with
/// <c>candidates:</c> naming them; so the same text on two nodes is an error, and so is a bare error
/// code without the <c>with:</c> context that makes it one cause (E_FAIL is in many lines).
/// </summary>
internal static partial class SharedMessageRule
{
    [GeneratedRegex(@"^0x[0-9a-f]{1,8}$", RegexOptions.IgnoreCase)]
    private static partial Regex BareCode();

    public static void Check(DecisionTree tree, List<ContentIssue> issues)
    {
        var seen = new Dictionary<(string File, string Text), Node>();
        foreach (var node in tree.Nodes.OrderBy(n => n.Source.File, StringComparer.Ordinal).ThenBy(n => n.Source.Line))
        {
            foreach (var s in node.Logs)
            {
                var file = s.File.Trim();
                if (file != "*" && !file.EndsWith(".log", StringComparison.OrdinalIgnoreCase))
                {
                    issues.Add(Error(node.Source, $"{node.Id}: log signature file '{s.File}' must name a log (….log) or be '*' for any text"));
                }

                var key = (file.ToLowerInvariant(), Normalize(s.Text));
                if (seen.TryGetValue(key, out var other) && other.Id != node.Id)
                {
                    issues.Add(Error(node.Source, $"{node.Id}: the log text \"{s.Text}\" is also a signature of {other.Id}; a message several causes share goes once on the question that separates them, with candidates:"));
                }
                else
                {
                    seen.TryAdd(key, node);
                }

                if (BareCode().IsMatch(key.Item2) && s.With.Count == 0)
                {
                    issues.Add(Error(node.Source, $"{node.Id}: the bare code \"{s.Text}\" is in many lines; give 'with:' the context that makes it this cause"));
                }
            }

            if (node.Candidates.Count > 0)
            {
                CheckCandidates(tree, node, issues);
            }
        }
    }

    private static void CheckCandidates(DecisionTree tree, Node node, List<ContentIssue> issues)
    {
        if (node.Kind is not (NodeKind.Question or NodeKind.Probe))
        {
            issues.Add(Error(node.Source, $"{node.Id}: 'candidates' belong to the question or probe that separates a shared message"));
            return;
        }

        if (node.Logs.Count == 0)
        {
            issues.Add(Error(node.Source, $"{node.Id}: 'candidates' without 'logs': which message do they share?"));
        }

        var reach = Reach(tree, node.Id);
        foreach (var c in node.Candidates)
        {
            if (tree.Find(c) is not { Kind: NodeKind.Diagnosis })
            {
                issues.Add(Error(node.Source, $"{node.Id}: candidate '{c}' is not a diagnosis"));
            }
            else if (!reach.Contains(c))
            {
                issues.Add(Error(node.Source, $"{node.Id}: candidate '{c}' cannot be reached from here by answers (not counting \"not fixed\")"));
            }
        }
    }

    /// <summary>The nodes reachable from <paramref name="from"/> by answers and verdicts, not through a diagnosis's "not fixed".</summary>
    internal static HashSet<string> Reach(DecisionTree tree, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var id))
        {
            if (tree.Find(id) is not { } n)
            {
                continue;
            }

            foreach (var next in n.Verdicts.Values.Concat(n.AuthoredChoices.Select(c => c.Next)))
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    /// <summary>As the log matcher reads text: ASCII letters lower-cased, whitespace runs one space, trimmed.</summary>
    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            foreach (var c in part)
            {
                sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            }
        }

        return sb.ToString();
    }

    private static ContentIssue Error(SourceLocation where, string message) => new(IssueSeverity.Error, where, message);
}
