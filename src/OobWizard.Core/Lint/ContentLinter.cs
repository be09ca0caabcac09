using OobWizard.Core.Content;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Lint;

/// <summary>
/// Validates the whole content: references resolve, every node is reachable from the start and can
/// reach an end, diagnoses have a fix and a verification, every node has text and every choice a
/// label in every language, and only supported Markdown is used. Every issue names file:line.
/// </summary>
public static class ContentLinter
{
    private static readonly string[] FallbackVerdicts = ["inconclusive", "error"];

    /// <param name="knownProbes">probe id -> its verdicts, for the probes this build implements.</param>
    public static IReadOnlyList<ContentIssue> Lint(ContentSet content, IReadOnlyDictionary<string, IReadOnlyList<string>>? knownProbes = null)
    {
        var issues = new List<ContentIssue>(content.LoadIssues);
        var tree = content.Tree;
        CheckStructure(tree, issues, knownProbes);
        CheckReachability(tree, issues);
        StateMachineRules.Check(tree, issues);
        CheckTexts(content, issues);
        MessageParityRule.Check(content, issues);
        SharedMessageRule.Check(tree, issues);
        TermListRule.Check(content, issues);
        return issues
            .OrderBy(i => i.Where.File, StringComparer.Ordinal)
            .ThenBy(i => i.Where.Line > 0 ? i.Where.Line : int.MaxValue) // what breaks a file at a line (ui.yaml is empty) before what only belongs in it (a missing key)
            .ToList();
    }

    private static void CheckStructure(DecisionTree tree, List<ContentIssue> issues, IReadOnlyDictionary<string, IReadOnlyList<string>>? knownProbes)
    {
        // Where the missing node belongs: line 1 of the first tree file (tree/00-start.yaml in the shipped content).
        var firstFile = tree.Nodes.Select(n => n.Source.File).Order(StringComparer.Ordinal).FirstOrDefault();
        var top = firstFile is null ? SourceLocation.None : new SourceLocation(firstFile, 1);
        if (!tree.Contains(Node.StartId))
        {
            issues.Add(Error(top, "no 'start' node: the symptom menu is missing, so the wizard cannot start"));
        }

        foreach (var id in new[] { Node.ResolvedId, Node.EscalateId })
        {
            if (tree.Find(id) is not { Kind: NodeKind.End })
            {
                issues.Add(Error(top, $"no end node '{id}'"));
            }
        }

        foreach (var node in tree.Nodes)
        {
            if (node.Kind == NodeKind.Start && node.Id != Node.StartId)
            {
                issues.Add(Error(node.Source, $"{node.Id}: only the node 'start' may have kind start"));
            }

            if (node.Id == Node.StartId)
            {
                foreach (var c in node.Choices.Where(c => !c.Next.StartsWith("sym.", StringComparison.Ordinal)))
                {
                    issues.Add(Error(c.Source, $"symptom '{c.Id}' must lead to a sym.* entry point, not '{c.Next}'"));
                }
            }

            foreach (var c in node.Choices)
            {
                if (!tree.Contains(c.Next))
                {
                    issues.Add(Error(c.Source, $"{node.Id}: choice '{c.Id}' leads to unknown node '{c.Next}'"));
                }

                foreach (var r in c.Requires)
                {
                    var eq = r.IndexOf('=');
                    var target = eq > 0 ? tree.Find(r[..eq]) : null;
                    if (target is null || target.FindChoice(r[(eq + 1)..]) is null)
                    {
                        issues.Add(Error(c.Source, $"{node.Id}: guard '{r}' of choice '{c.Id}' names no existing node=choice"));
                    }
                }
            }

            switch (node.Kind)
            {
                case NodeKind.Start or NodeKind.Question when node.Choices.Count == 0:
                    issues.Add(Error(node.Source, $"{node.Id}: a {node.Kind.ToString().ToLowerInvariant()} needs choices"));
                    break;
                case NodeKind.Probe:
                    CheckProbe(node, tree, issues, knownProbes);
                    break;
                case NodeKind.Diagnosis when node.Unresolved is null:
                    issues.Add(Error(node.Source, $"{node.Id}: a diagnosis needs 'unresolved' (the next candidate or end.escalate)"));
                    break;
                case NodeKind.End when node.Choices.Count > 0 || node.Verdicts.Count > 0:
                    issues.Add(Error(node.Source, $"{node.Id}: an end node has no choices"));
                    break;
            }

            if (node.Kind != NodeKind.Probe && (node.Probe is not null || node.Verdicts.Count > 0))
            {
                issues.Add(Error(node.Source, $"{node.Id}: only probe nodes have 'probe' and 'verdicts'"));
            }

            if (node.Kind != NodeKind.Diagnosis && (node.Unresolved is not null || (node.Logs.Count > 0 && node.Candidates.Count == 0) || node.Applies.Count > 0))
            {
                issues.Add(Error(node.Source, $"{node.Id}: 'unresolved', 'logs' and 'applies' belong to diagnosis nodes (or 'logs' with 'candidates' to the question that separates a shared message)"));
            }
        }
    }

    private static void CheckProbe(Node node, DecisionTree tree, List<ContentIssue> issues, IReadOnlyDictionary<string, IReadOnlyList<string>>? knownProbes)
    {
        if (string.IsNullOrEmpty(node.Probe))
        {
            issues.Add(Error(node.Source, $"{node.Id}: a probe node needs 'probe: <probe id>'"));
        }

        if (node.Choices.Count == 0)
        {
            issues.Add(Error(node.Source, $"{node.Id}: a probe node needs the manual question (choices) for --offline"));
        }

        if (node.Verdicts.Count == 0)
        {
            issues.Add(Error(node.Source, $"{node.Id}: a probe node needs verdicts (probe verdict -> node)"));
        }

        foreach (var (verdict, next) in node.Verdicts)
        {
            if (!tree.Contains(next))
            {
                issues.Add(Error(node.Source, $"{node.Id}: verdict '{verdict}' leads to unknown node '{next}'"));
            }

            if (FallbackVerdicts.Contains(verdict))
            {
                issues.Add(Error(node.Source, $"{node.Id}: verdict '{verdict}' always falls back to the manual question; do not map it"));
            }
        }

        if (knownProbes is null || node.Probe is null)
        {
            return;
        }

        if (!knownProbes.TryGetValue(node.Probe, out var verdicts))
        {
            issues.Add(new ContentIssue(IssueSeverity.Warning, node.Source, $"{node.Id}: probe '{node.Probe}' is not implemented in this build (the manual question is used)"));
            return;
        }

        foreach (var v in node.Verdicts.Keys.Where(v => !verdicts.Contains(v) && !FallbackVerdicts.Contains(v)))
        {
            issues.Add(Error(node.Source, $"{node.Id}: probe '{node.Probe}' has no verdict '{v}' (it has: {string.Join(", ", verdicts)})"));
        }
    }

    private static void CheckReachability(DecisionTree tree, List<ContentIssue> issues)
    {
        if (!tree.Contains(Node.StartId))
        {
            return;
        }

        var edges = tree.Edges().Where(e => tree.Contains(e.To)).ToList();
        var forward = Reach(Node.StartId, edges.ToLookup(e => e.From, e => e.To));
        foreach (var n in tree.Nodes.Where(n => !forward.Contains(n.Id)))
        {
            issues.Add(Error(n.Source, $"{n.Id}: unreachable from the symptom menu"));
        }

        var reverse = edges.ToLookup(e => e.To, e => e.From);
        var canEnd = new HashSet<string>(StringComparer.Ordinal);
        foreach (var end in tree.Nodes.Where(n => n.Kind == NodeKind.End))
        {
            canEnd.UnionWith(Reach(end.Id, reverse));
        }

        foreach (var n in tree.Nodes.Where(n => forward.Contains(n.Id) && !canEnd.Contains(n.Id)))
        {
            issues.Add(Error(n.Source, $"{n.Id}: dead end: no path from here reaches end.resolved or end.escalate"));
        }
    }

    private static HashSet<string> Reach(string from, ILookup<string, string> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var to in next[id])
            {
                if (seen.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return seen;
    }

    private static void CheckTexts(ContentSet content, List<ContentIssue> issues)
    {
        foreach (var lang in Languages.All)
        {
            content.Texts.TryGetValue(lang, out var texts);
            texts ??= new Dictionary<string, NodeText>();
            foreach (var node in content.Tree.Nodes)
            {
                if (!texts.TryGetValue(node.Id, out var text))
                {
                    issues.Add(Error(node.Source, $"{node.Id}: no {lang} text (content/{lang}/{node.Id}.md); English is shown instead"));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(text.Title))
                {
                    issues.Add(Error(text.Source, $"{node.Id} [{lang}]: no title"));
                }

                foreach (var c in node.AuthoredChoices.Where(c => !text.ChoiceLabels.ContainsKey(c.Id)))
                {
                    issues.Add(Error(text.Source, $"{node.Id} [{lang}]: no label for choice '{c.Id}'"));
                }

                foreach (var extra in text.ChoiceLabels.Keys.Where(k => node.FindChoice(k) is null))
                {
                    issues.Add(Error(text.Source, $"{node.Id} [{lang}]: label for unknown choice '{extra}'"));
                }

                issues.AddRange(MarkdownSupport.Check(text.Body, text.Source.File, text.BodyLine));
                if (node.Kind == NodeKind.Diagnosis)
                {
                    if (string.IsNullOrWhiteSpace(text.Verify))
                    {
                        issues.Add(Error(text.Source, $"{node.Id} [{lang}]: a diagnosis needs 'verify:' (the did-it-work question)"));
                    }

                    if (!MarkdownSupport.SectionIds(MarkdownSupport.Parse(text.Body)).Contains("fix"))
                    {
                        issues.Add(Error(text.Source, $"{node.Id} [{lang}]: a diagnosis needs a fix section (a heading ending in {{#fix}})"));
                    }
                }
            }

            foreach (var (id, text) in texts.Where(t => !content.Tree.Contains(t.Key)))
            {
                issues.Add(new ContentIssue(IssueSeverity.Warning, text.Source, $"text for unknown node '{id}'"));
            }

            CheckUi(content, lang, issues);
        }
    }

    private static void CheckUi(ContentSet content, string lang, List<ContentIssue> issues)
    {
        if (!content.UiStrings.TryGetValue(Languages.Default, out var en))
        {
            // Once, not once per language.
            if (lang == Languages.Default)
            {
                issues.Add(Error(new SourceLocation($"content/{Languages.Default}/ui.yaml", 0), "no English UI strings"));
            }

            return;
        }

        if (lang == Languages.Default)
        {
            return;
        }

        if (!content.UiStrings.TryGetValue(lang, out var strings))
        {
            issues.Add(Error(new SourceLocation($"content/{lang}/ui.yaml", 0), $"no {lang} UI strings; English is shown instead"));
            return;
        }

        foreach (var key in en.Keys.Where(k => !strings.ContainsKey(k)))
        {
            issues.Add(Error(content.UiLocation(lang, key), $"UI string '{key}' has no {lang} translation (English: {content.UiLocation(Languages.Default, key)})"));
        }
    }

    private static ContentIssue Error(SourceLocation where, string message) => new(IssueSeverity.Error, where, message);
}
