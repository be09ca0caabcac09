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

        // Plain/ASCII output has no colour or bold: mark headings so a screen reader user (and a
        // ticket the text is pasted into) can still tell a section from its text.
        var prefix = renderer.Unicode ? null : new string('#', block.Level) + " ";
        return renderer.Inlines.Render(block.Inline, style, prefix);
    }
}
