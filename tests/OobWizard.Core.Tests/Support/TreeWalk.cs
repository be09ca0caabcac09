using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Support;

/// <summary>
/// Walks the shipped tree the way a user can: along answers (honouring their guards) and probe
/// verdicts, never through a diagnosis's "not fixed" (that is the next-candidate chain, not triage).
/// </summary>
public static class TreeWalk
{
    /// <summary>The node ids reachable from <paramref name="from"/>, with the answers given on the way to them.</summary>
    public static HashSet<string> Reachable(DecisionTree tree, string from, IReadOnlyCollection<string>? given = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, _) in States(tree, from, given ?? []))
        {
            seen.Add(node);
        }

        return seen;
    }

    /// <summary>The (node, answers given that some guard looks at) states reachable from <paramref name="from"/>.</summary>
    public static IEnumerable<(string Node, string Given)> States(DecisionTree tree, string from, IReadOnlyCollection<string> given)
    {
        var guarded = GuardedNodes(tree);
        var start = (from, Key(given));
        var seen = new HashSet<(string, string)> { start };
        var queue = new Queue<(string Node, string Given)>([start]);
        while (queue.TryDequeue(out var state))
        {
            yield return state;
            var node = tree[state.Node];
            var answers = state.Given.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            foreach (var (to, answer) in Next(node, answers))
            {
                var g = answers;
                if (answer is not null && guarded.Contains(node.Id))
                {
                    g = answers.Where(a => !a.StartsWith(node.Id + "=", StringComparison.Ordinal)).Append(node.Id + "=" + answer).ToHashSet();
                }

                var next = (to, Key(g));
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    /// <summary>Where a node leads: its answers whose guards hold (with the answer) and its verdicts (without).</summary>
    public static IEnumerable<(string To, string? Answer)> Next(Node node, IReadOnlySet<string> given)
    {
        if (node.Kind == NodeKind.Diagnosis)
        {
            yield break;
        }

        foreach (var c in node.AuthoredChoices.Where(c => c.Requires.All(given.Contains)))
        {
            yield return (c.Next, c.Id);
        }

        foreach (var to in node.Verdicts.Values)
        {
            yield return (to, null);
        }
    }

    /// <summary>The nodes whose answers some guard looks at (only these answers change where a path can go).</summary>
    public static HashSet<string> GuardedNodes(DecisionTree tree) =>
        tree.Nodes.SelectMany(n => n.Choices).SelectMany(c => c.Requires).Select(r => r.Split('=')[0]).ToHashSet(StringComparer.Ordinal);

    private static string Key(IEnumerable<string> given) => string.Join(';', given.Order(StringComparer.Ordinal));
}
