using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

public sealed class HeadingRenderer : BlockRenderer<HeadingBlock>
{
    protected override IRenderable Render(HeadingBlock block, MarkdownRenderer renderer)
    {
        var style = block.Level switch
        {
            1 => renderer.Theme.Heading1,
            2 => renderer.Theme.Heading2,
            _ => renderer.Theme.Heading3,
        };
        return renderer.Inlines.Render(block, style);
    }
}
