using Markdig.Syntax;
using OobWizard.Core.Content;
using OobWizard.Core.Export;

namespace OobWizard.Core.Tests.Export;

/// <summary>The checklist puts a node's own headings below its step heading (level 2) and drops their {#id}s.</summary>
public sealed class DemoteTests
{
    [Theory]
    [InlineData("# Top", "### Top")]
    [InlineData("## Fix {#fix}", "#### Fix")]
    [InlineData("### Deep {#confirm}", "##### Deep")]
    [InlineData("##### Deepest", "###### Deepest")]
    [InlineData("###### Deepest {#x}", "###### Deepest")]
    [InlineData("  ## Indented {#fix}", "#### Indented")]
    public void An_atx_heading_moves_two_levels_down(string heading, string expected)
    {
        Assert.Equal($"Intro\n\n{expected}\nText\n", ChecklistExporter.Demote($"Intro\n\n{heading}\nText\n"));
    }

    [Fact]
    public void Windows_line_ends_are_handled()
    {
        Assert.Equal("#### Fix\n1. Do it.\n", ChecklistExporter.Demote("## Fix {#fix}\r\n1. Do it.\r\n"));
    }

    [Fact]
    public void Text_that_only_looks_like_a_heading_is_left_alone()
    {
        var body = "```\n## not a heading {#x}\n```\n\n    # indented code\n\nA #hashtag {#y}\n";

        Assert.Equal(body, ChecklistExporter.Demote(body));
    }

    [Theory]
    [InlineData("Fix {#fix}\n===\n1. Do it.\n", "### Fix\n1. Do it.\n")]
    [InlineData("Fix {#fix}\n---\n1. Do it.\n", "#### Fix\n1. Do it.\n")]
    [InlineData("Intro\n\nTwo\nlines {#x}\n---\n\nEnd\n", "Intro\n\n#### Two lines\n\nEnd\n")]
    public void A_setext_heading_is_demoted_too(string body, string expected)
    {
        var demoted = ChecklistExporter.Demote(body);

        Assert.Equal(expected, demoted);
        Assert.DoesNotContain("{#", demoted, StringComparison.Ordinal);
        var heading = Assert.Single(MarkdownSupport.Parse(demoted).Descendants<HeadingBlock>());
        Assert.True(heading.Level >= 3, $"level {heading.Level} in:\n{demoted}");
    }
}
