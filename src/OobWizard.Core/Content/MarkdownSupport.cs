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

    /// <summary>
    /// Parses with the content's pipeline. Never throws: text Markdig refuses (nesting beyond its
    /// depth limit, such as 200 nested '&gt;' quotes) comes back as one code block holding the text,
    /// so readers still show it; lint reports it (<see cref="TryParse"/>).
    /// </summary>
    public static MarkdownDocument Parse(string markdown) =>
        TryParse(markdown, out var doc, out _) ? doc : Markdown.Parse(AsCodeBlock(markdown), Pipeline);

    /// <summary>Parses, or says in one line why Markdig refused the text.</summary>
    public static bool TryParse(string markdown, out MarkdownDocument document, out string? problem)
    {
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Markdig's ThrowHelper.CheckDepthLimit: "Markdown elements in the input are too deeply nested - depth limit exceeded."
            document = new MarkdownDocument();
            problem = ex.Message.Contains("deeply nested", StringComparison.Ordinal)
                ? "Markdown nested too deeply for the parser (quotes or lists inside each other); flatten it"
                : "Markdown the parser cannot read: " + ex.Message.ReplaceLineEndings(" ");
            return false;
        }
    }

    /// <summary>The text as one fenced code block (a fence longer than any backtick run inside).</summary>
    public static string AsCodeBlock(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}\n{text}\n{fence}\n";
    }

    /// <summary>Headings' ids ({#fix}) found in the body.</summary>
    public static IReadOnlyList<string> SectionIds(MarkdownDocument doc) =>
        doc.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToList();

    /// <summary>The constructs in <paramref name="markdown"/> that the renderer does not support, with their line.</summary>
    public static IEnumerable<ContentIssue> Check(string markdown, string file, int bodyLine)
    {
        if (!TryParse(markdown, out var doc, out var problem))
        {
            yield return new ContentIssue(IssueSeverity.Error, new SourceLocation(file, bodyLine), problem!);
            yield break;
        }

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
