using OobWizard.Core.Content;

namespace OobWizard.Core.Tests.Lint;

/// <summary>Unsupported Markdown is reported at its own line, wherever it is nested.</summary>
public sealed class MarkdownLineTests
{
    // The body starts on line 10 of its file.
    private const int BodyLine = 10;

    [Theory]
    [InlineData("![a](b.png)", 0, "image")]
    [InlineData("First line\nsecond ![a](b.png) line", 1, "image")]
    [InlineData("Intro\n\n- item\n- item with ![a](b.png)", 3, "image")]
    [InlineData("Intro\n\n1. item\n   - nested <kbd>x</kbd>", 3, "raw HTML")]
    [InlineData("Intro\n\n> quoted\n> more <span>x</span>", 3, "raw HTML")]
    [InlineData("| a | b |\n|---|---|\n| 1 | <br> |", 2, "raw HTML")]
    [InlineData("Intro\n\n<!-- comment -->", 2, "raw HTML block")]
    [InlineData("> [!NOTE]\n> See ![a](b.png)", 1, "image")]
    public void An_unsupported_construct_is_reported_at_its_line(string body, int offset, string what)
    {
        var issues = MarkdownSupport.Check(body, "x.md", BodyLine).ToList();

        Assert.Contains(issues, i => i.Where.Line == BodyLine + offset && i.Message.EndsWith(what, StringComparison.Ordinal));
        Assert.All(issues, i => Assert.Equal(BodyLine + offset, i.Where.Line));
    }

    [Theory]
    [InlineData("# H {#fix}\n\nText *em* **strong** `code` [link](https://example.com) <https://example.com> &amp;")]
    [InlineData("- a\n  1. b\n\n```\ncode <b>\n```\n\n    indented\n\n> quote\n\n> [!WARNING]\n> careful\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nline  \nbreak")]
    [InlineData("Square [brackets] and [red]markup[/] are text.")]
    public void Supported_markdown_gives_no_issues(string body)
    {
        Assert.Empty(MarkdownSupport.Check(body, "x.md", 1));
    }
}
