using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Lint;

/// <summary>Structural rules of the tree beyond the ones in <see cref="ContentLintTests"/>.</summary>
public sealed class LintStructureTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    private IReadOnlyList<ContentIssue> LintWithSubtree(string yaml)
    {
        _content.Write("tree/10-sub.yaml", yaml);
        return _content.Lint();
    }

    [Fact]
    public void A_guard_naming_no_existing_node_and_choice_is_an_error_at_the_choice()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml.Replace(
            "      next: diag.one\n",
            "      next: diag.one\n      requires: [sym.broken=maybe]\n",
            StringComparison.Ordinal));

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 4, "guard 'sym.broken=maybe'");
    }

    [Fact]
    public void A_symptom_that_does_not_lead_to_a_sym_node_is_an_error()
    {
        _content.Write("tree/00-start.yaml", ContentFixture.StartYaml.Replace("next: sym.broken", "next: diag.one", StringComparison.Ordinal));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/00-start.yaml", 4, "must lead to a sym.* entry point");
    }

    [Fact]
    public void Content_without_a_start_node_or_end_nodes_is_an_error()
    {
        _content.Write("tree/00-start.yaml", "[]\n");

        var issues = _content.Lint().Select(i => i.Message).ToList();

        Assert.Contains(issues, m => m.Contains("no 'start' node", StringComparison.Ordinal));
        Assert.Contains(issues, m => m.Contains("no end node 'end.resolved'", StringComparison.Ordinal));
        Assert.Contains(issues, m => m.Contains("no end node 'end.escalate'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_without_choices_is_an_error()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml + "\n- id: q.empty\n  kind: question\n");

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 12, "q.empty: a question needs choices");
    }

    [Fact]
    public void A_diagnosis_without_unresolved_is_an_error()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml.Replace("\n  unresolved: end.escalate", "", StringComparison.Ordinal));

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 9, "needs 'unresolved'");
    }

    [Fact]
    public void An_unresolved_that_names_an_unknown_node_is_an_error_at_the_diagnosis()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml.Replace("unresolved: end.escalate", "unresolved: diag.two", StringComparison.Ordinal));

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 9, "choice 'not-fixed' leads to unknown node 'diag.two'");
    }

    [Fact]
    public void Diagnosis_fields_on_a_question_are_an_error()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml.Replace("  kind: question\n", "  kind: question\n  unresolved: end.escalate\n", StringComparison.Ordinal));

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 1, "belong to diagnosis nodes");
    }

    [Fact]
    public void Verdicts_on_a_question_are_an_error()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml.Replace("  kind: question\n", "  kind: question\n  verdicts:\n    pass: diag.one\n", StringComparison.Ordinal));

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 1, "only probe nodes have 'probe' and 'verdicts'");
    }

    [Fact]
    public void An_end_node_with_choices_is_an_error()
    {
        _content.Write("tree/00-start.yaml", ContentFixture.StartYaml.Replace(
            "- id: end.escalate\n  kind: end",
            "- id: end.escalate\n  kind: end\n  choices:\n    - id: again\n      next: start",
            StringComparison.Ordinal));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/00-start.yaml", 10, "an end node has no choices");
    }

    [Fact]
    public void A_probe_node_without_probe_id_or_verdicts_is_an_error()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml.Replace("  kind: question\n", "  kind: probe\n", StringComparison.Ordinal));

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 1, "needs 'probe: <probe id>'");
        IssueAssert.HasError(issues, "tree/10-sub.yaml", 1, "needs verdicts");
    }

    [Fact]
    public void A_verdict_leading_to_an_unknown_node_is_an_error()
    {
        var issues = LintWithSubtree(ContentFixture.SubtreeYaml.Replace(
            "  kind: question\n",
            "  kind: probe\n  probe: amt.reachable\n  verdicts:\n    pass: diag.none\n",
            StringComparison.Ordinal));

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 1, "verdict 'pass' leads to unknown node 'diag.none'");
    }

    [Fact]
    public void A_text_for_a_node_that_does_not_exist_is_a_warning()
    {
        _content.Text("de", "q.gone", "title: Weg", "");

        var issues = _content.Lint();

        IssueAssert.Has(issues, IssueSeverity.Warning, "de/q.gone.md", 1, "unknown node 'q.gone'");
        IssueAssert.NoErrors(issues);
    }

    [Fact]
    public void A_node_text_without_title_is_an_error()
    {
        _content.Text("ja", "end.resolved", "verify: x", "");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "ja/end.resolved.md", 1, "no title");
    }

    [Fact]
    public void Issues_are_sorted_by_file_and_line()
    {
        _content.Delete("de/diag.one.md");
        _content.Text("ja", "sym.broken", "title: x", "<b>x</b>");

        var issues = _content.Lint();

        Assert.True(issues.Count > 2);
        Assert.Equal(
            issues.OrderBy(i => i.Where.File, StringComparer.Ordinal).ThenBy(i => i.Where.Line),
            issues);
    }
}
