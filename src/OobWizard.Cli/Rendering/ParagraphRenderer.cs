using Markdig.Syntax;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

public sealed class ParagraphRenderer : BlockRenderer<ParagraphBlock>
{
    protected override IRenderable Render(ParagraphBlock block, MarkdownRenderer renderer) => renderer.Inlines.Render(block);
}
