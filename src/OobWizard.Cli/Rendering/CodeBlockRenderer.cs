using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

/// <summary>
/// Code (commands to type) is indented, not boxed: a frame would be copied along with the command
/// when a user selects it in an SSH or RDP window.
/// </summary>
public sealed class CodeBlockRenderer : BlockRenderer<CodeBlock>
{
    protected override IRenderable Render(CodeBlock block, MarkdownRenderer renderer)
    {
        var text = string.Join("\n", block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
        return new Padder(new Text(text, renderer.Theme.CodeBlock) { Overflow = Overflow.Fold }, new Padding(4, 0, 0, 0));
    }
}
