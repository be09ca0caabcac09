using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

public sealed class QuoteRenderer : BlockRenderer<QuoteBlock>
{
    protected override IRenderable Render(QuoteBlock block, MarkdownRenderer renderer) =>
        new Panel(renderer.RenderChildren(block))
        {
            Border = renderer.Unicode ? BoxBorder.Rounded : BoxBorder.Ascii,
            BorderStyle = renderer.Theme.Quote,
            Expand = true,
        };
}
