using System.Text;
using System.Text.Json;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Export;

/// <summary>The tree as a graph: JSON (nodes/edges), Mermaid or Graphviz DOT. Pure functions of the tree.</summary>
public static class GraphExporter
{
    public static string Kind(NodeKind kind) => kind.ToString().ToLowerInvariant();

    public static string ToJson(DecisionTree tree) =>
        JsonSerializer.Serialize(
            new GraphDocument(
                tree.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => new GraphNode(n.Id, Kind(n.Kind), n.Probe)).ToList(),
                tree.Edges().ToList()),
            GraphJsonContext.Default.GraphDocument);

    public static string ToMermaid(DecisionTree tree)
    {
        var sb = new StringBuilder("flowchart TD\n");
        var ids = MermaidIds(tree);
        foreach (var n in tree.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var label = n.Id.Replace("\"", "'", StringComparison.Ordinal);
            var shape = n.Kind switch
            {
                NodeKind.Start => $"([\"{label}\"])",
                NodeKind.Question => $"{{\"{label}\"}}",
                NodeKind.Probe => $"[/\"{label}\"/]",
                NodeKind.Diagnosis => $"[[\"{label}\"]]",
                _ => $"((\"{label}\"))",
            };
            sb.Append("  ").Append(ids[n.Id]).Append(shape).Append('\n');
        }

        foreach (var e in tree.Edges())
        {
            if (ids.TryGetValue(e.To, out var to))
            {
                sb.Append("  ").Append(ids[e.From]).Append(" -->|").Append(e.Trigger.Replace("|", "/", StringComparison.Ordinal)).Append("| ").Append(to).Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string ToDot(DecisionTree tree)
    {
        var sb = new StringBuilder("digraph oobwizard {\n  rankdir=LR;\n");
        foreach (var n in tree.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var shape = n.Kind switch
            {
                NodeKind.Start => "circle",
                NodeKind.Question => "diamond",
                NodeKind.Probe => "parallelogram",
                NodeKind.Diagnosis => "box",
                _ => "doublecircle",
            };
            sb.Append("  ").Append(Quote(n.Id)).Append(" [shape=").Append(shape).Append("];\n");
        }

        foreach (var e in tree.Edges())
        {
            sb.Append("  ").Append(Quote(e.From)).Append(" -> ").Append(Quote(e.To)).Append(" [label=").Append(Quote(e.Trigger)).Append("];\n");
        }

        return sb.Append("}\n").ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // Mermaid ids cannot contain dots; map each node to n0, n1, ... in id order.
    private static Dictionary<string, string> MermaidIds(DecisionTree tree) =>
        tree.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal)
            .Select((n, i) => (n.Id, Key: "n" + i))
            .ToDictionary(x => x.Id, x => x.Key, StringComparer.Ordinal);
}
