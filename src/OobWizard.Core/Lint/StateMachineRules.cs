using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Lint;

/// <summary>
/// Lint rules about how the wizard moves: loops of probe nodes that verdicts alone go round (no answer
/// of the user breaks them: the wizard would probe until the engine's bound on automatic moves), and,
/// from the Stateless machine's own description of itself (<c>GetInfo()</c>), nodes with no way out.
/// Linear in nodes plus edges.
/// </summary>
public static class StateMachineRules
{
    public static void Check(DecisionTree tree, List<ContentIssue> issues)
    {
        CheckVerdictLoops(tree, issues);
        CheckWayOut(tree, issues);
    }

    /// <summary>
    /// Every strongly connected group of probe nodes joined by verdict edges (or a probe whose verdict
    /// leads to itself) is one error at its first node, naming every node (file:line) and verdict of it.
    /// </summary>
    private static void CheckVerdictLoops(DecisionTree tree, List<ContentIssue> issues)
    {
        var probes = tree.Nodes.Where(n => n.Kind == NodeKind.Probe).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        List<string> Next(Node n) => n.Verdicts.Values.Where(v => tree.Find(v) is { Kind: NodeKind.Probe }).Distinct(StringComparer.Ordinal).ToList();

        foreach (var group in StronglyConnected(probes.Select(n => n.Id).ToList(), id => Next(tree[id])))
        {
            var members = group.Select(id => tree[id]).OrderBy(n => n.Source.File, StringComparer.Ordinal).ThenBy(n => n.Source.Line).ToList();
            var inGroup = new HashSet<string>(group, StringComparer.Ordinal);
            var edges = members
                .SelectMany(n => n.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Where(v => inGroup.Contains(v.Value)).Select(v => $"{n.Id} verdict:{v.Key} -> {v.Value}"))
                .ToList();
            if (group.Count == 1 && edges.Count == 0)
            {
                continue; // a single probe node that does not lead to itself: no loop
            }

            var others = members.Skip(1).Select(n => $"{n.Id} at {n.Source}");
            issues.Add(new ContentIssue(
                IssueSeverity.Error,
                members[0].Source,
                $"verdict loop no answer breaks: {string.Join(", ", edges)}"
                + (members.Count > 1 ? $" (also {string.Join(", ", others)})" : "")
                + $"; the wizard would probe round it until {WizardMachine.MaxAutomaticMoves} automatic moves in a row are refused"));
        }
    }

    /// <summary>A node other than an end from which the machine has no transition to another node of the tree.</summary>
    private static void CheckWayOut(DecisionTree tree, List<ContentIssue> issues)
    {
        var info = WizardMachine.For(tree).Info;
        foreach (var state in info.States)
        {
            if (state.UnderlyingState is not string id || tree.Find(id) is not { } node || node.Kind == NodeKind.End)
            {
                continue;
            }

            var ways = state.FixedTransitions
                .Select(t => t.DestinationState.UnderlyingState as string)
                .Count(to => to is not null && to != id && tree.Contains(to));
            if (ways == 0)
            {
                issues.Add(new ContentIssue(
                    IssueSeverity.Error,
                    node.Source,
                    $"{id}: no way out: no answer or verdict leads from here to another node of the tree (only back and restart would leave it)"));
            }
        }
    }

    /// <summary>Tarjan's strongly connected components, iterative (no recursion depth limit), in O(nodes + edges).</summary>
    private static List<List<string>> StronglyConnected(IReadOnlyList<string> nodes, Func<string, List<string>> next)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var groups = new List<List<string>>();
        var counter = 0;

        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, List<string> Next, int At)>();
            Enter(root);
            while (work.Count > 0)
            {
                var (v, succ, at) = work.Pop();
                if (at < succ.Count)
                {
                    work.Push((v, succ, at + 1));
                    var w = succ[at];
                    if (!index.ContainsKey(w))
                    {
                        Enter(w);
                    }
                    else if (onStack.Contains(w))
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    var group = new List<string>();
                    string w;
                    do
                    {
                        w = stack.Pop();
                        onStack.Remove(w);
                        group.Add(w);
                    }
                    while (w != v);
                    groups.Add(group);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }

            void Enter(string v)
            {
                index[v] = low[v] = counter++;
                stack.Push(v);
                onStack.Add(v);
                work.Push((v, next(v), 0));
            }
        }

        return groups;
    }
}
