using Markdig.Syntax;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

/// <summary>Draws one kind of Markdown block as Spectre renderables (Markdig's one-renderer-per-node model).</summary>
public interface IBlockRenderer
{
    bool CanRender(Block block);

    IRenderable Render(Block block, MarkdownRenderer renderer);
}
