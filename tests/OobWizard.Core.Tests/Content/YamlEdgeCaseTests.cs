using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Content;

/// <summary>The loader never throws on bad content: odd YAML becomes an issue with file:line.</summary>
public sealed class YamlEdgeCaseTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void A_node_with_a_repeated_key_is_an_error_not_a_crash()
    {
        _content.Write("tree/20-dup.yaml", "- id: q.dup\n  kind: question\n  kind: probe\n");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "tree/20-dup.yaml", 3, "YAML: ");
    }

    [Fact]
    public void Front_matter_with_a_repeated_key_is_an_error_not_a_crash()
    {
        _content.Write("en/sym.broken.md", "---\ntitle: A\ntitle: B\nchoices:\n  yes: Yes\n  no: No\n---\nBody\n");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "en/sym.broken.md", 3, "YAML: ");
    }

    [Fact]
    public void A_ui_file_with_a_repeated_key_is_an_error_not_a_crash()
    {
        _content.Write("de/ui.yaml", "choice.fixed: A\nchoice.fixed: B\nchoice.not-fixed: C\n");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "de/ui.yaml", 2, "YAML: ");
    }

    [Fact]
    public void A_tab_indented_tree_file_is_an_error_not_a_crash()
    {
        _content.Write("tree/20-tab.yaml", "- id: q.tab\n\tkind: question\n");

        var issues = _content.Lint();

        Assert.Contains(issues, i => i.Where.File.EndsWith("20-tab.yaml", StringComparison.Ordinal) && i.Message.StartsWith("YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void Ui_strings_that_are_not_key_text_pairs_are_an_error_at_the_key()
    {
        _content.Write("ja/ui.yaml", "choice.fixed: A\nchoice.not-fixed:\n  - nested\n");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "ja/ui.yaml", 2, "must be 'key: text' pairs");
    }
}
