using OobWizard.Core.Content;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Content;

public sealed class TreeLoaderTests
{
    private static (List<Node> Nodes, List<ContentIssue> Issues) Load(string yaml)
    {
        var issues = new List<ContentIssue>();
        var nodes = TreeLoader.LoadFile("t.yaml", yaml, issues);
        return (nodes, issues);
    }

    private static void AssertIssue(List<ContentIssue> issues, int line, string fragment) =>
        Assert.True(
            issues.Any(i => i.Severity == IssueSeverity.Error && i.Where == new SourceLocation("t.yaml", line) && i.Message.Contains(fragment, StringComparison.Ordinal)),
            $"expected t.yaml:{line} \"{fragment}\"; got:\n{string.Join("\n", issues)}");

    [Fact]
    public void A_node_reads_its_fields_and_where_it_was_defined()
    {
        var (nodes, issues) = Load("""
            # comment
            - id: prov.x
              kind: diagnosis
              applies: [sp1, sp2]
              logs:
                - file: Amtopmgr.log
                  text: "Error: Device internal error."
              probes: [amt.cert-hashes]
              unresolved: end.escalate
            """);

        Assert.Empty(issues);
        var n = Assert.Single(nodes);
        Assert.Equal(("prov.x", NodeKind.Diagnosis), (n.Id, n.Kind));
        Assert.Equal(["sp1", "sp2"], n.Applies);
        Assert.Equal([new LogSignature("Amtopmgr.log", "Error: Device internal error.")], n.Logs);
        Assert.Equal(["amt.cert-hashes"], n.Probes);
        Assert.Equal("end.escalate", n.Unresolved);
        Assert.Equal(new SourceLocation("t.yaml", 2), n.Source);
    }

    [Fact]
    public void A_choice_keeps_its_guard_and_its_line()
    {
        var (nodes, issues) = Load("""
            - id: q
              kind: question
              choices:
                - id: a
                  next: x
                - id: b
                  next: y
                  requires: [q0=yes, q1=no]
            """);

        Assert.Empty(issues);
        var b = nodes[0].FindChoice("b")!;
        Assert.Equal(["q0=yes", "q1=no"], b.Requires);
        Assert.Equal(6, b.Source.Line);
        Assert.False(b.Synthetic);
    }

    [Fact]
    public void An_unknown_key_is_an_error_at_the_key()
    {
        var (_, issues) = Load("- id: q\n  kind: question\n  chioces: []\n");

        AssertIssue(issues, 3, "unknown key 'chioces'");
    }

    [Theory]
    [InlineData("Question")]
    [InlineData("branch")]
    [InlineData("start,question")]
    [InlineData("1")]
    public void A_kind_that_is_not_one_of_the_five_lowercase_names_is_an_error(string kind)
    {
        var (nodes, issues) = Load($"- id: q\n  kind: \"{kind}\"\n");

        Assert.Empty(nodes);
        AssertIssue(issues, 1, "kind must be one of");
    }

    [Fact]
    public void A_node_without_id_is_an_error()
    {
        var (nodes, issues) = Load("- kind: question\n");

        Assert.Empty(nodes);
        AssertIssue(issues, 1, "node without id");
    }

    [Theory]
    [InlineData("Q.Upper")]
    [InlineData("q_underscore")]
    [InlineData("q x")]
    public void A_node_id_outside_the_allowed_characters_is_an_error(string id)
    {
        var (_, issues) = Load($"- id: \"{id}\"\n  kind: end\n");

        AssertIssue(issues, 1, "may only use");
    }

    [Fact]
    public void A_choice_without_next_or_with_a_bad_or_repeated_id_is_an_error_at_the_choice()
    {
        var (nodes, issues) = Load("""
            - id: q
              kind: question
              choices:
                - id: ok
                  next: x
                - id: no-next
                - id: Bad.Id
                  next: x
                - id: ok
                  next: y
            """);

        AssertIssue(issues, 6, "each choice needs id and next");
        AssertIssue(issues, 7, "choice id 'Bad.Id'");
        AssertIssue(issues, 9, "choice 'ok' appears twice");
        Assert.Equal("x", nodes[0].FindChoice("ok")!.Next);
    }

    [Fact]
    public void A_file_that_is_not_a_sequence_is_an_error()
    {
        var (nodes, issues) = Load("id: q\nkind: question\n");

        Assert.Empty(nodes);
        AssertIssue(issues, 1, "YAML sequence");
    }

    [Fact]
    public void An_empty_file_gives_no_nodes_and_no_issues()
    {
        var (nodes, issues) = Load("# nothing yet\n");

        Assert.Empty(nodes);
        Assert.Empty(issues);
    }

    [Fact]
    public void A_diagnosis_that_defines_its_own_fixed_or_not_fixed_choice_is_an_error()
    {
        var (nodes, issues) = Load("""
            - id: d
              kind: diagnosis
              unresolved: end.escalate
              choices:
                - id: fixed
                  next: somewhere
            """);

        AssertIssue(issues, 5, "fixed");
        var fixedChoices = nodes[0].Choices.Where(c => c.Id == Node.FixedChoice).ToList();
        var only = Assert.Single(fixedChoices);
        Assert.Equal(Node.ResolvedId, only.Next);
    }
}
