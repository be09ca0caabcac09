using OobWizard.Core.Content;
using OobWizard.Core.Lint;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Lint;

/// <summary>
/// Lint stays linear in the size of the content: a tree file is capped before it is parsed, a node's
/// choices are capped when they are read (what lint then checks does not grow with a runaway node),
/// and choices spread over many nodes and files are each checked once. Counts, not times;
/// tests/Benchmarks/LintScalingBenchmarks has the times.
/// </summary>
public sealed class LintScalingTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData(3_000)]
    [InlineData(30_000)]
    [InlineData(90_000)] // about 3.8 MB, under the tree-file cap
    public void One_node_with_n_choices_leaves_lint_the_cap_not_n(int n)
    {
        _content.Write("tree/20-big.yaml", BigContent.OneNode(n));
        _content.Write("tree/00-start.yaml", ContentFixture.StartYaml.Replace("next: sym.broken", "next: sym.broken\n    - id: big\n      next: sym.big", StringComparison.Ordinal));

        var content = ContentLoader.Load(_content.Root);
        var issues = _content.Lint();

        Assert.Equal(ContentLimits.MaxChoicesPerNode, content.Tree["sym.big"].Choices.Count);
        IssueAssert.HasError(issues, "tree/20-big.yaml", 4, $"{n} choices; a node may have at most {ContentLimits.MaxChoicesPerNode}");
        // What lint reports about the node does not grow with n: its missing texts and the labels of the kept choices.
        Assert.InRange(issues.Count(i => i.Message.StartsWith("sym.big", StringComparison.Ordinal)), 1, 3 * (1 + ContentLimits.MaxChoicesPerNode));
    }

    [Fact]
    public void Three_hundred_thousand_choices_in_one_node_are_refused_before_they_are_parsed()
    {
        var yaml = BigContent.OneNode(300_000);
        Assert.True(yaml.Length > ContentLimits.TreeFile.MaxBytes);
        _content.Write("tree/20-big.yaml", yaml);

        var content = ContentLoader.Load(_content.Root);
        var issues = ContentLinter.Lint(content);

        IssueAssert.HasError(issues, "tree/20-big.yaml", 1, "a tree file may be at most 4 MiB");
        Assert.Null(content.Tree.Find("sym.big")); // not parsed at all
    }

    [Fact]
    public void Three_hundred_thousand_choices_over_many_nodes_and_files_are_each_checked_once()
    {
        const int nodes = 300_000 / ContentLimits.MaxChoicesPerNode;
        const int files = 4;
        for (var f = 0; f < files; f++)
        {
            _content.Write($"tree/2{f}-big.yaml", BigContent.Chain(f * nodes / files, nodes / files, nodes, ContentLimits.MaxChoicesPerNode));
        }

        _content.Write("tree/00-start.yaml", ContentFixture.StartYaml.Replace("next: sym.broken", "next: sym.broken\n    - id: big\n      next: sym.big", StringComparison.Ordinal));

        var content = ContentLoader.Load(_content.Root);
        var issues = ContentLinter.Lint(content);

        Assert.Equal(300_000, content.Tree.Nodes.Where(n => n.Id.StartsWith("q.", StringComparison.Ordinal)).Sum(n => n.Choices.Count));
        // Each generated node lacks its text in each language: exactly one issue per node and language, none lost, none doubled.
        Assert.Equal(3 * (nodes + 1), issues.Count(i => i.Message.Contains(": no ", StringComparison.Ordinal) && i.Message.Contains(" text (content/", StringComparison.Ordinal)));
        Assert.DoesNotContain(issues, i => i.Message.Contains("unreachable", StringComparison.Ordinal) || i.Message.Contains("dead end", StringComparison.Ordinal));
    }
}
