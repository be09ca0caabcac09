using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

/// <summary>Bullet and numbered lists; a grid gives each item a hanging indent, nesting recurses.</summary>
public sealed class ListRenderer : BlockRenderer<ListBlock>
{
    protected override IRenderable Render(ListBlock block, MarkdownRenderer renderer)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(1));
        grid.AddColumn(new GridColumn());
        var number = int.TryParse(block.OrderedStart, out var start) ? start : 1;
        foreach (var item in block.OfType<ListItemBlock>())
        {
            var marker = block.IsOrdered ? $"{number++}." : (renderer.Unicode ? "•" : "*");
            grid.AddRow(new Text(marker, renderer.Theme.Bullet), renderer.RenderChildren(item));
        }

        return grid;
    }
}
