using System.Text.Json.Nodes;
using OobWizard.Core.Content;
using OobWizard.Core.Export;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Export;

public sealed class GraphExportTests
{
    private static readonly Lazy<DecisionTree> Shipped = new(() => ContentLoader.Load(RepoContent.Directory).Tree);

    private static JsonObject Json(DecisionTree tree) => JsonNode.Parse(GraphExporter.ToJson(tree))!.AsObject();

    [Fact]
    public void The_json_lists_every_node_with_id_and_one_of_the_five_kinds()
    {
        var json = Json(Shipped.Value);

        var nodes = json["nodes"]!.AsArray().Select(n => (Id: (string)n!["id"]!, Kind: (string)n["kind"]!)).ToList();

        Assert.Equal(Shipped.Value.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), nodes.Select(n => n.Id));
        Assert.All(nodes, n => Assert.Contains(n.Kind, new[] { "start", "question", "probe", "diagnosis", "end" }));
        Assert.Equal(["diagnosis", "end", "probe", "question", "start"], nodes.Select(n => n.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_json_edges_have_from_to_and_a_choice_or_verdict_trigger()
    {
        var tree = Shipped.Value;

        var edges = Json(tree)["edges"]!.AsArray();

        Assert.NotEmpty(edges);
        Assert.All(edges, e =>
        {
            Assert.True(tree.Contains((string)e!["from"]!));
            Assert.True(tree.Contains((string)e["to"]!), $"edge to unknown {e["to"]}");
            var trigger = (string)e["trigger"]!;
            Assert.True(trigger.StartsWith("choice:", StringComparison.Ordinal) || trigger.StartsWith("verdict:", StringComparison.Ordinal), trigger);
        });
    }

    [Fact]
    public void The_start_nodes_edges_lead_to_sym_nodes()
    {
        var edges = Json(Shipped.Value)["edges"]!.AsArray().Where(e => (string?)e!["from"] == Node.StartId).ToList();

        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.StartsWith("sym.", (string)e!["to"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void A_probe_node_has_both_verdict_and_choice_edges()
    {
        var json = Json(Trees.Small());

        var triggers = json["edges"]!.AsArray().Where(e => (string?)e!["from"] == "sym.b").Select(e => ((string)e!["trigger"]!, (string)e["to"]!)).ToList();
        var probe = json["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "sym.b")!;

        Assert.Equal("probe", (string?)probe["kind"]);
        Assert.Equal("amt.reachable", (string?)probe["probe"]);
        Assert.Equal(
            [("verdict:closed", "d.two"), ("verdict:pass", "shared"), ("choice:answers", "shared"), ("choice:no-answer", "d.two")],
            triggers);
    }

    [Fact]
    public void Every_shipped_probe_node_has_both_verdict_and_choice_edges()
    {
        var edges = Json(Shipped.Value)["edges"]!.AsArray().Select(e => (From: (string)e!["from"]!, Trigger: (string)e["trigger"]!)).ToList();

        foreach (var probe in Shipped.Value.Nodes.Where(n => n.Kind == NodeKind.Probe))
        {
            Assert.Contains(edges, e => e.From == probe.Id && e.Trigger.StartsWith("verdict:", StringComparison.Ordinal));
            Assert.Contains(edges, e => e.From == probe.Id && e.Trigger.StartsWith("choice:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Mermaid_contains_every_node()
    {
        var mermaid = GraphExporter.ToMermaid(Shipped.Value);

        Assert.StartsWith("flowchart TD\n", mermaid, StringComparison.Ordinal);
        Assert.All(Shipped.Value.Nodes, n => Assert.Contains($"\"{n.Id}\"", mermaid, StringComparison.Ordinal));
    }

    [Fact]
    public void Mermaid_has_one_edge_line_per_edge()
    {
        var tree = Trees.Small();

        var arrows = GraphExporter.ToMermaid(tree).Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal));

        Assert.Equal(tree.Edges().Count(), arrows);
    }

    [Fact]
    public void Dot_contains_every_node_and_every_edge()
    {
        var tree = Shipped.Value;

        var dot = GraphExporter.ToDot(tree);

        Assert.StartsWith("digraph ", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
        Assert.All(tree.Nodes, n => Assert.Contains($"\"{n.Id}\" [shape=", dot, StringComparison.Ordinal));
        Assert.All(tree.Edges(), e => Assert.Contains($"\"{e.From}\" -> \"{e.To}\" [label=\"{e.Trigger}\"]", dot, StringComparison.Ordinal));
    }
}
