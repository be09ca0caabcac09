using Markdig.Syntax;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

/// <summary>Base for a renderer of exactly one block type.</summary>
public abstract class BlockRenderer<T> : IBlockRenderer
    where T : Block
{
    public virtual bool CanRender(Block block) => block is T;

    public IRenderable Render(Block block, MarkdownRenderer renderer) => Render((T)block, renderer);

    protected abstract IRenderable Render(T block, MarkdownRenderer renderer);
}
