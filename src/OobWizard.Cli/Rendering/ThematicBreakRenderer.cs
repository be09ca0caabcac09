using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

public sealed class ThematicBreakRenderer : BlockRenderer<ThematicBreakBlock>
{
    protected override IRenderable Render(ThematicBreakBlock block, MarkdownRenderer renderer) =>
        new Rule { Border = renderer.Unicode ? BoxBorder.Square : BoxBorder.Ascii, Style = renderer.Theme.Quote };
}
