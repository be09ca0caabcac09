using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Lint;

/// <summary>
/// Careless edits a support team makes to content/: each is a lint error with file:line (so the
/// wizard refuses to start on it) instead of a crash in the middle of a session.
/// </summary>
public sealed class ContentRobustnessTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void No_start_node_is_an_error_at_the_first_tree_file()
    {
        _content.Write("tree/00-start.yaml", "- id: end.resolved\n  kind: end\n\n- id: end.escalate\n  kind: end\n");

        IssueAssert.HasError(_content.Lint(), "tree/00-start.yaml", 1, "no 'start' node");
    }

    [Theory]
    [InlineData("probe.running: \"Checking {5} ...\"", "names argument 5, but the program passes one argument")]
    [InlineData("probe.running: \"Checking {0 ...\"", "is not closed")]
    [InlineData("probe.running: \"Checking 0} ...\"", "a lone '}'")]
    [InlineData("probe.running: \"Checking {x} ...\"", "'{x}' is not a placeholder")]
    [InlineData("scroll.more: \"lines {0}-{1} of {3}\"", "the program passes 3: {0} to {2}")]
    [InlineData("probe.running: \"Checking {0,abc}\"", "not a valid placeholder")]
    public void A_broken_placeholder_in_a_ui_string_is_an_error_at_its_line(string line, string fragment)
    {
        _content.Write("de/ui.yaml", "choice.fixed: Behoben\n" + line + "\nchoice.not-fixed: Nicht behoben\n");

        IssueAssert.HasError(_content.Lint(), "de/ui.yaml", 2, fragment);
    }

    [Theory]
    [InlineData("probe.running: \"Checking ({0}) ...\"")]
    [InlineData("probe.running: \"Checking ...\"")]
    [InlineData("probe.running: \"{{literal}} {0:x}\"")]
    [InlineData("help.keys: \"braces {5} in a string shown as it is\"")]
    public void A_valid_or_unformatted_ui_string_is_fine(string line)
    {
        _content.Write("en/ui.yaml", "choice.fixed: Fixed\nchoice.not-fixed: Not fixed\n" + line + "\n");

        Assert.DoesNotContain(_content.Lint(), i => i.Where.File.EndsWith("en/ui.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "ui.yaml is empty")]
    [InlineData("# only a comment\n", "ui.yaml is empty")]
    [InlineData("- choice.fixed: Fixed\n- choice.not-fixed: Not fixed\n", "ui.yaml is a list")]
    [InlineData("just some words\n", "ui.yaml is a single value")]
    public void An_empty_or_list_shaped_ui_yaml_is_an_error(string text, string fragment)
    {
        _content.Write("en/ui.yaml", text);

        IssueAssert.HasError(_content.Lint(), "en/ui.yaml", 1, fragment);
    }

    [Fact]
    public void Quotes_nested_200_deep_are_an_error_at_the_page_not_a_crash()
    {
        _content.Text("en", "sym.broken", "title: Is it broken?\nchoices:\n  yes: Yes\n  no: No", new string('>', 200) + " deep");

        IssueAssert.HasError(_content.Lint(), "en/sym.broken.md", 7, "nested too deeply");
        Assert.NotNull(MarkdownSupport.Parse(new string('>', 200) + " deep")); // readers get the text back
    }

    [Fact]
    public void A_page_over_the_cap_is_an_error_and_is_not_read()
    {
        _content.Text("en", "sym.broken", "title: Is it broken?\nchoices:\n  yes: Yes\n  no: No", new string('x', (int)ContentLimits.Page.MaxBytes));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "en/sym.broken.md", 1, "a content page may be at most 64 KiB");
    }

    [Fact]
    public void A_node_with_more_choices_than_the_cap_is_one_error_and_the_rest_is_not_read()
    {
        var choices = string.Concat(Enumerable.Range(0, 300).Select(i => $"    - id: c{i}\n      next: end.escalate\n"));
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml + "\n- id: q.many\n  kind: question\n  choices:\n" + choices);

        var issues = _content.Lint();

        var error = IssueAssert.HasError(issues, "tree/10-sub.yaml", 15, $"300 choices; a node may have at most {ContentLimits.MaxChoicesPerNode}");
        Assert.Single(issues, i => i.Message.Contains("choices; a node may have", StringComparison.Ordinal));
        Assert.Equal(ContentLimits.MaxChoicesPerNode, ContentLoader.Load(_content.Root).Tree["q.many"].Choices.Count);
        Assert.NotNull(error);
    }

    [Fact]
    public void A_broken_translation_is_formatted_from_english_instead_of_crashing()
    {
        _content.Write("en/ui.yaml", "choice.fixed: Fixed\nchoice.not-fixed: Not fixed\nprobe.running: \"Checking ({0}) ...\"\n");
        _content.Write("de/ui.yaml", "choice.fixed: Behoben\nchoice.not-fixed: Nicht behoben\nprobe.running: \"Prüfe {5} ...\"\n");

        var content = ContentLoader.Load(_content.Root);

        Assert.Equal("Checking (amt.tls) ...", content.UiFormat("de", "probe.running", "amt.tls"));
    }
}
