using Markdig.Syntax;
using OobWizard.Core.Content;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

/// <summary>
/// Markdown to Spectre renderables through Markdig's AST, one small renderer per block type.
/// Anything it cannot draw is recorded in <see cref="Unhandled"/> (lint rejects such content first).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly List<IBlockRenderer> _renderers;
    private readonly List<string> _unhandled = [];
    private readonly Func<string, string> _alertTitle;

    public MarkdownRenderer(MarkdownTheme? theme = null, bool unicode = true, Func<string, string>? alertTitle = null)
    {
        Theme = theme ?? MarkdownTheme.Default;
        Unicode = unicode;
        _alertTitle = alertTitle ?? (k => k);
        Inlines = new InlineRenderer(Theme, _unhandled.Add);
        // Derived types before their base: an alert is a quote block, a fenced code block is a code block.
        _renderers =
        [
            new HeadingRenderer(), new ParagraphRenderer(), new AlertRenderer(), new QuoteRenderer(),
            new CodeBlockRenderer(), new ListRenderer(), new TableRenderer(), new ThematicBreakRenderer(),
        ];
    }

    public MarkdownTheme Theme { get; }

    public bool Unicode { get; }

    public InlineRenderer Inlines { get; }

    public IReadOnlyList<string> Unhandled => _unhandled;

    public string AlertTitle(string kind) => _alertTitle(kind);

    public IRenderable Render(string markdown) => RenderChildren(MarkdownSupport.Parse(markdown));

    /// <summary>The children of a container block, one renderable each, separated by blank lines like Markdown paragraphs.</summary>
    public IRenderable RenderChildren(ContainerBlock container)
    {
        var items = new List<IRenderable>();
        foreach (var block in container)
        {
            if (block is LinkReferenceDefinitionGroup or BlankLineBlock)
            {
                continue;
            }

            var r = RenderBlock(block);
            if (r is null)
            {
                continue;
            }

            if (items.Count > 0 && NeedsGap(container))
            {
                items.Add(new Text(""));
            }

            items.Add(r);
        }

        return items.Count == 1 ? items[0] : new Rows(items);
    }

    /// <summary>For table cells and other leaves that hold inlines.</summary>
    public IRenderable RenderChildren(LeafBlock leaf) => Inlines.Render(leaf);

    public IRenderable? RenderBlock(Block block)
    {
        foreach (var renderer in _renderers)
        {
            if (renderer.CanRender(block))
            {
                return renderer.Render(block, this);
            }
        }

        _unhandled.Add(block.GetType().Name);
        return null;
    }

    // Tight list items and table cells are not spaced; documents and quotes are.
    private static bool NeedsGap(ContainerBlock container) =>
        container is not ListItemBlock || container.Parent is ListBlock { IsLoose: true };
}
