using Markdig.Extensions.Alerts;
using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

/// <summary>GitHub-style alerts (> [!WARNING]) as note boxes titled in the user's language.</summary>
public sealed class AlertRenderer : BlockRenderer<AlertBlock>
{
    protected override IRenderable Render(AlertBlock block, MarkdownRenderer renderer)
    {
        var kind = block.Kind.ToString().ToUpperInvariant();
        var color = kind switch
        {
            "WARNING" or "CAUTION" => Color.Red,
            "IMPORTANT" => Color.Fuchsia,
            "TIP" => Color.Green,
            _ => Color.Blue,
        };
        return new Panel(renderer.RenderChildren(block))
        {
            Header = new PanelHeader(" " + renderer.AlertTitle(kind) + " "),
            Border = renderer.Unicode ? BoxBorder.Rounded : BoxBorder.Ascii,
            BorderStyle = new Style(color),
            Expand = true,
        };
    }
}
