using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>
/// The one Markdown dialect of the content: the pipeline every reader uses, and the list of
/// constructs the terminal renderer supports. Lint rejects anything outside that list, and the
/// renderer's tests assert that it draws every type listed here.
/// </summary>
public static class MarkdownSupport
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAlertBlocks()
        .UseGenericAttributes() // last: it reads attributes other extensions leave, e.g. "## Fix {#fix}"
        .Build();

    public static readonly IReadOnlyList<Type> SupportedBlocks =
    [
        typeof(HeadingBlock), typeof(ParagraphBlock), typeof(ListBlock), typeof(ListItemBlock),
        typeof(FencedCodeBlock), typeof(CodeBlock), typeof(QuoteBlock), typeof(AlertBlock),
        typeof(ThematicBreakBlock), typeof(Table), typeof(TableRow), typeof(TableCell),
        typeof(LinkReferenceDefinitionGroup), typeof(LinkReferenceDefinition), typeof(BlankLineBlock),
    ];

    public static readonly IReadOnlyList<Type> SupportedInlines =
    [
        typeof(LiteralInline), typeof(EmphasisInline), typeof(CodeInline), typeof(LinkInline),
        typeof(LineBreakInline), typeof(AutolinkInline), typeof(HtmlEntityInline),
    ];

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Headings' ids ({#fix}) found in the body.</summary>
    public static IReadOnlyList<string> SectionIds(MarkdownDocument doc) =>
        doc.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToList();

    /// <summary>The constructs in <paramref name="markdown"/> that the renderer does not support, with their line.</summary>
    public static IEnumerable<ContentIssue> Check(string markdown, string file, int bodyLine)
    {
        var doc = Parse(markdown);
        foreach (var node in doc.Descendants())
        {
            string? what = node switch
            {
                HtmlBlock => "raw HTML block",
                HtmlInline => "raw HTML",
                LinkInline { IsImage: true } => "image",
                Block b when !SupportedBlocks.Contains(b.GetType()) => b.GetType().Name,
                Inline i when !SupportedInlines.Contains(i.GetType()) && i is not ContainerInline => i.GetType().Name,
                ContainerInline c when c is not EmphasisInline && c is not LinkInline && c.GetType() != typeof(ContainerInline) => c.GetType().Name,
                _ => null,
            };
            if (what is not null)
            {
                yield return new ContentIssue(IssueSeverity.Error, new SourceLocation(file, bodyLine + node.Line), $"Markdown construct not supported by the terminal renderer: {what}");
            }
        }
    }
}
