using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Lint;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Lint;

/// <summary>
/// Loops that probe verdicts alone go round (issue 10, item 12: lint said 0 errors and the wizard probed
/// forever), and nodes the state machine (its <c>GetInfo()</c>) shows no way out of.
/// </summary>
public sealed class StateMachineRuleTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    /// <summary>sym.broken's "no" leads to the probe nodes written by the test instead of end.escalate.</summary>
    private void LeadInto(string node, string yaml, params string[] ids)
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace("next: end.escalate\n\n", $"next: {node}\n\n", StringComparison.Ordinal));
        _content.Write("tree/20-probes.yaml", yaml);
        foreach (var id in ids)
        {
            _content.TextAll(id, "title: Check\nchoices:\n  yes: Yes", "");
        }
    }

    private static string Probe(string id, string verdicts) => $"""
        - id: {id}
          kind: probe
          probe: amt.reachable
          verdicts:
        {verdicts}
          choices:
            - id: yes
              next: end.resolved

        """;

    [Fact]
    public void Two_probe_nodes_whose_verdicts_lead_to_each_other_are_one_error_naming_both_with_file_and_line()
    {
        LeadInto("p.a", Probe("p.a", "    pass: p.b") + Probe("p.b", "    pass: p.a"), "p.a", "p.b");

        var issues = _content.Lint();

        var loop = IssueAssert.HasError(issues, "tree/20-probes.yaml", 1, "verdict loop no answer breaks: p.a verdict:pass -> p.b, p.b verdict:pass -> p.a");
        Assert.Contains("p.b at ", loop.Message);
        Assert.Contains("20-probes.yaml:9", loop.Message);
        Assert.Single(issues);
    }

    [Fact]
    public void Every_loop_is_reported_a_probe_that_leads_to_itself_too()
    {
        LeadInto(
            "p.a",
            Probe("p.a", "    pass: p.b\n    closed: p.self") + Probe("p.b", "    pass: p.c") + Probe("p.c", "    pass: p.a") + Probe("p.self", "    pass: p.self"),
            "p.a", "p.b", "p.c", "p.self");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/20-probes.yaml", 1, "p.a verdict:pass -> p.b, p.b verdict:pass -> p.c, p.c verdict:pass -> p.a");
        IssueAssert.HasError(issues, "tree/20-probes.yaml", 26, "verdict loop no answer breaks: p.self verdict:pass -> p.self");
        Assert.Equal(2, issues.Count);
    }

    [Fact]
    public void A_loop_through_a_question_is_broken_by_the_answer_and_is_no_error()
    {
        LeadInto(
            "p.a",
            Probe("p.a", "    pass: q.ask") + """
            - id: q.ask
              kind: question
              choices:
                - id: yes
                  next: p.a
                - id: no
                  next: end.escalate

            """,
            "p.a");
        _content.TextAll("q.ask", "title: Ask\nchoices:\n  yes: Yes\n  no: No", "");

        IssueAssert.NoErrors(_content.Lint());
    }

    [Fact]
    public void A_node_the_machine_shows_no_way_out_of_is_an_error_even_where_nothing_else_looks()
    {
        // Unreachable, so the dead-end rule (which follows the paths from the start) never looks at it.
        _content.Write("tree/20-probes.yaml", """
            - id: q.stuck
              kind: question
              choices:
                - id: again
                  next: q.stuck
            """);
        _content.TextAll("q.stuck", "title: Stuck\nchoices:\n  again: Again", "");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/20-probes.yaml", 1, "q.stuck: no way out");
    }

    [Fact]
    public void The_shipped_content_has_no_verdict_loop_and_no_node_without_a_way_out()
    {
        var issues = new List<ContentIssue>();

        StateMachineRules.Check(ContentLoader.Load(RepoContent.Directory).Tree, issues);

        IssueAssert.NoErrors(issues);
    }

    [Fact]
    public void A_verdict_loop_of_fifty_thousand_probe_nodes_is_found_without_running_out_of_stack()
    {
        const int count = 50_000;
        var nodes = Enumerable.Range(0, count).Select(i => new Node(
            "p." + i,
            NodeKind.Probe,
            [new Choice("yes", Node.ResolvedId, [], SourceLocation.None)],
            "amt.reachable",
            new Dictionary<string, string> { ["pass"] = "p." + ((i + 1) % count) },
            null,
            [],
            [],
            [],
            new SourceLocation("big.yaml", i + 1)))
            .Append(new Node(Node.ResolvedId, NodeKind.End, [], null, new Dictionary<string, string>(), null, [], [], [], SourceLocation.None));
        var issues = new List<ContentIssue>();

        StateMachineRules.Check(new DecisionTree(nodes), issues);

        var loop = Assert.Single(issues);
        Assert.Contains($"p.{count - 1} verdict:pass -> p.0", loop.Message);
        Assert.Contains($"{WizardMachine.MaxAutomaticMoves} automatic moves", loop.Message);
    }
}
