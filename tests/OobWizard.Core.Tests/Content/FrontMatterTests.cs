using OobWizard.Core.Content;

namespace OobWizard.Core.Tests.Content;

public sealed class FrontMatterTests
{
    private static (NodeText Text, List<ContentIssue> Issues) Parse(string text)
    {
        var issues = new List<ContentIssue>();
        return (FrontMatter.Parse("en", "x.md", text, issues), issues);
    }

    [Fact]
    public void Front_matter_gives_title_choice_labels_verify_and_the_body_line()
    {
        var (text, issues) = Parse("---\ntitle: T\nchoices:\n  yes: Yes\n  no: No\nverify: V?\n---\nBody line 8\n");

        Assert.Empty(issues);
        Assert.Equal("T", text.Title);
        Assert.Equal("V?", text.Verify);
        Assert.Equal(new Dictionary<string, string> { ["yes"] = "Yes", ["no"] = "No" }, text.ChoiceLabels);
        Assert.Equal("Body line 8\n", text.Body);
        Assert.Equal(8, text.BodyLine);
    }

    [Fact]
    public void Sources_are_a_list_of_where_the_facts_come_from()
    {
        var (text, issues) = Parse("---\ntitle: T\nsources:\n  - \"Seed 000\"\n  - https://example.org/a\n---\nBody\n");

        Assert.Empty(issues);
        Assert.Equal(["Seed 000", "https://example.org/a"], text.Sources);

        var (_, bad) = Parse("---\ntitle: T\nsources: just one\n---\nBody\n");
        Assert.Contains(bad, i => i.Message.Contains("sources must be a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_line_ends_and_a_byte_order_mark_change_nothing()
    {
        var (text, issues) = Parse("\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n");

        Assert.Empty(issues);
        Assert.Equal("T", text.Title);
        Assert.Equal("Body\n", text.Body);
        Assert.Equal(4, text.BodyLine);
    }

    [Fact]
    public void Front_matter_closed_at_the_end_of_the_file_gives_an_empty_body()
    {
        var (text, issues) = Parse("---\ntitle: T\n---");

        Assert.Empty(issues);
        Assert.Equal("T", text.Title);
        Assert.Equal("", text.Body);
    }

    [Fact]
    public void A_file_without_front_matter_is_an_error_at_line_one()
    {
        var (_, issues) = Parse("# Just a heading\n");

        var issue = Assert.Single(issues);
        Assert.Equal(1, issue.Where.Line);
        Assert.Contains("missing front matter", issue.Message);
    }

    [Fact]
    public void Front_matter_that_is_not_closed_is_an_error()
    {
        var (_, issues) = Parse("---\ntitle: T\nBody\n");

        Assert.Contains("not closed", Assert.Single(issues).Message);
    }

    [Fact]
    public void An_unknown_front_matter_key_is_an_error_at_its_line()
    {
        var (_, issues) = Parse("---\ntitle: T\ntitel: typo\n---\n");

        var issue = Assert.Single(issues);
        Assert.Equal(3, issue.Where.Line);
        Assert.Contains("'titel'", issue.Message);
    }

    [Fact]
    public void Choices_that_are_not_a_mapping_are_an_error_at_their_line()
    {
        var (_, issues) = Parse("---\ntitle: T\nchoices:\n  - yes\n---\n");

        var issue = Assert.Single(issues);
        Assert.Equal(4, issue.Where.Line);
    }
}
