using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Lint;

/// <summary>Broken content directories and the error lint gives for each, with file:line.</summary>
public sealed class ContentLintTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KnownProbes =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["amt.reachable"] = ["pass", "closed"],
        };

    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    /// <summary>A probe node sym.probe (line 1 of tree/20-probe.yaml) linked from sym.broken's "no", with text in all languages.</summary>
    private void AddProbeNode(string yaml)
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace("next: end.escalate\n\n", "next: sym.probe\n\n", StringComparison.Ordinal));
        _content.Write("tree/20-probe.yaml", yaml);
        _content.TextAll("sym.probe", "title: Does it answer?\nchoices:\n  answers: It answers\n  silent: It does not", "Try it.");
    }

    [Fact]
    public void A_valid_minimal_content_gives_no_issues()
    {
        var issues = _content.Lint(KnownProbes);

        Assert.True(issues.Count == 0, IssueAssert.Describe(issues));
    }

    [Fact]
    public void A_yaml_syntax_error_names_the_tree_file_and_line()
    {
        _content.Write("tree/10-sub.yaml", """
            - id: sym.broken
              kind: question
              choices:
                - id: yes
                  next: "diag.one
            """);

        var issues = _content.Lint();

        var issue = IssueAssert.HasError(issues, "tree/10-sub.yaml", 5, "YAML");
        Assert.DoesNotContain('\n', issue.Message);
    }

    [Fact]
    public void A_yaml_syntax_error_in_front_matter_counts_the_opening_line()
    {
        _content.Write("en/sym.broken.md", "---\ntitle: Is it broken?\nchoices:\n  yes: Yes: really\n  no: No\n---\nBody\n");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "en/sym.broken.md", 4, "YAML");
    }

    [Fact]
    public void An_unknown_node_kind_is_an_error_at_the_node()
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace("kind: diagnosis", "kind: branch", StringComparison.Ordinal));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 9, "kind must be one of");
    }

    [Fact]
    public void A_choice_leading_to_an_unknown_node_is_an_error_at_the_choice()
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace("next: diag.one", "next: diag.none", StringComparison.Ordinal));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/10-sub.yaml", 4, "leads to unknown node 'diag.none'");
    }

    [Fact]
    public void A_node_unreachable_from_the_start_is_an_error_at_the_node()
    {
        _content.Write("tree/20-orphan.yaml", """
            # an orphan: nothing leads here
            - id: q.orphan
              kind: question
              choices:
                - id: done
                  next: end.escalate
            """);
        _content.TextAll("q.orphan", "title: Orphan\nchoices:\n  done: Done", "");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/20-orphan.yaml", 2, "q.orphan: unreachable");
        Assert.Single(issues);
    }

    [Fact]
    public void A_cycle_with_no_way_to_an_end_is_a_dead_end_at_each_node_of_it()
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace("next: end.escalate\n\n", "next: q.loop1\n\n", StringComparison.Ordinal));
        _content.Write("tree/20-loop.yaml", """
            - id: q.loop1
              kind: question
              choices:
                - id: again
                  next: q.loop2

            - id: q.loop2
              kind: question
              choices:
                - id: again
                  next: q.loop1
            """);
        _content.TextAll("q.loop1", "title: Loop 1\nchoices:\n  again: Again", "");
        _content.TextAll("q.loop2", "title: Loop 2\nchoices:\n  again: Again", "");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/20-loop.yaml", 1, "q.loop1: dead end");
        IssueAssert.HasError(issues, "tree/20-loop.yaml", 7, "q.loop2: dead end");
        Assert.Equal(2, issues.Count);
    }

    [Fact]
    public void A_missing_german_text_of_a_node_is_an_error_at_the_node()
    {
        _content.Delete("de/diag.one.md");

        var issues = _content.Lint();

        var issue = IssueAssert.HasError(issues, "tree/10-sub.yaml", 9, "no de text");
        Assert.Contains("de/diag.one.md", issue.Message);
        Assert.Single(issues);
    }

    [Fact]
    public void A_missing_choice_label_is_an_error_in_that_language_file()
    {
        _content.Text("ja", "sym.broken", "title: 壊れていますか?\nchoices:\n  yes: はい", "");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "ja/sym.broken.md", 1, "no label for choice 'no'");
        Assert.Single(issues);
    }

    [Fact]
    public void A_label_for_a_choice_the_node_does_not_have_is_an_error()
    {
        _content.Text("en", "sym.broken", "title: Is it broken?\nchoices:\n  yes: Yes\n  no: No\n  perhaps: Perhaps", "");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "en/sym.broken.md", 1, "unknown choice 'perhaps'");
    }

    [Fact]
    public void A_diagnosis_without_verify_is_an_error()
    {
        _content.Write("de/diag.one.md", ContentFixture.DiagnosisMd.Replace("verify: Does it work now?\n", "", StringComparison.Ordinal));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "de/diag.one.md", 1, "verify:");
        Assert.Single(issues);
    }

    [Fact]
    public void A_diagnosis_without_a_fix_heading_is_an_error()
    {
        _content.Write("en/diag.one.md", ContentFixture.DiagnosisMd.Replace("## Fix {#fix}", "## Fix", StringComparison.Ordinal));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "en/diag.one.md", 1, "{#fix}");
        Assert.Single(issues);
    }

    [Fact]
    public void Raw_html_and_images_are_errors_at_their_line_counting_the_front_matter()
    {
        // Lines 1-4 are front matter; the body starts on line 5.
        _content.Write("en/diag.one.md", """
            ---
            title: The one diagnosis
            verify: Does it work now?
            ---
            ## Cause {#cause}
            Something <b>bold</b> here.

            ![diagram](diagram.png)

            ## Fix {#fix}
            <div>
            block
            </div>
            """);

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "en/diag.one.md", 6, "raw HTML");
        IssueAssert.HasError(issues, "en/diag.one.md", 8, "image");
        IssueAssert.HasError(issues, "en/diag.one.md", 11, "raw HTML block");
    }

    [Fact]
    public void A_probe_node_without_the_manual_question_is_an_error()
    {
        AddProbeNode("""
            - id: sym.probe
              kind: probe
              probe: amt.reachable
              verdicts:
                pass: end.escalate
                closed: diag.one
            """);
        _content.TextAll("sym.probe", "title: Does it answer?", "");

        var issues = _content.Lint(KnownProbes);

        IssueAssert.HasError(issues, "tree/20-probe.yaml", 1, "manual question");
        Assert.Single(issues);
    }

    [Theory]
    [InlineData("inconclusive")]
    [InlineData("error")]
    public void Mapping_a_fallback_verdict_is_an_error(string verdict)
    {
        AddProbeNode($"""
            - id: sym.probe
              kind: probe
              probe: amt.reachable
              verdicts:
                pass: diag.one
                {verdict}: end.escalate
              choices:
                - id: answers
                  next: diag.one
                - id: silent
                  next: end.escalate
            """);

        var issues = _content.Lint(KnownProbes);

        IssueAssert.HasError(issues, "tree/20-probe.yaml", 1, $"verdict '{verdict}' always falls back");
        Assert.Single(issues);
    }

    [Fact]
    public void An_unknown_probe_id_is_only_a_warning()
    {
        AddProbeNode("""
            - id: sym.probe
              kind: probe
              probe: amt.telepathy
              verdicts:
                pass: diag.one
              choices:
                - id: answers
                  next: diag.one
                - id: silent
                  next: end.escalate
            """);

        var issues = _content.Lint(KnownProbes);

        IssueAssert.Has(issues, IssueSeverity.Warning, "tree/20-probe.yaml", 1, "'amt.telepathy' is not implemented");
        IssueAssert.NoErrors(issues);
    }

    [Fact]
    public void An_unknown_verdict_of_a_known_probe_is_an_error()
    {
        AddProbeNode("""
            - id: sym.probe
              kind: probe
              probe: amt.reachable
              verdicts:
                pass: diag.one
                half-open: end.escalate
              choices:
                - id: answers
                  next: diag.one
                - id: silent
                  next: end.escalate
            """);

        var issues = _content.Lint(KnownProbes);

        IssueAssert.HasError(issues, "tree/20-probe.yaml", 1, "no verdict 'half-open'");
        Assert.Single(issues);
    }

    [Fact]
    public void A_node_id_defined_in_two_files_names_both_places()
    {
        _content.Write("tree/20-dup.yaml", """
            # a second diag.one
            - id: diag.one
              kind: diagnosis
              unresolved: end.escalate
            """);

        var issues = _content.Lint();

        var issue = IssueAssert.HasError(issues, "tree/20-dup.yaml", 2, "'diag.one' is defined twice");
        Assert.Contains(Path.Combine("tree", "10-sub.yaml") + ":9", issue.Message);
        Assert.Single(issues);
    }

    [Fact]
    public void A_ui_string_missing_in_japanese_is_an_error_in_the_japanese_ui_file()
    {
        _content.Write("ja/ui.yaml", "choice.fixed: 直りました\n");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "ja/ui.yaml", 0, "'choice.not-fixed' has no ja translation");
        Assert.Single(issues);
    }

    [Fact]
    public void A_missing_english_ui_file_is_reported_once()
    {
        _content.Delete("en/ui.yaml");

        var issues = _content.Lint();

        var issue = Assert.Single(issues);
        Assert.Contains("no English UI strings", issue.Message);
    }

    [Fact]
    public void A_missing_german_ui_file_is_an_error()
    {
        _content.Delete("de/ui.yaml");

        var issues = _content.Lint();

        var issue = Assert.Single(issues);
        Assert.Contains("no de UI strings", issue.Message);
    }

    [Fact]
    public void A_missing_content_directory_throws_content_not_found()
    {
        Assert.Throws<ContentNotFoundException>(() => ContentLoader.Load(Path.Combine(_content.Root, "nope")));
    }
}
