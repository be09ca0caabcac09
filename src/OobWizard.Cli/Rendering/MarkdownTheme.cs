using Spectre.Console;

namespace OobWizard.Cli.Rendering;

/// <summary>The styles the renderer uses; under NO_COLOR Spectre drops the colours and keeps bold/italic.</summary>
public sealed record MarkdownTheme
{
    public Style Heading1 { get; init; } = new(Color.Aqua, decoration: Decoration.Bold | Decoration.Underline);
    public Style Heading2 { get; init; } = new(Color.Aqua, decoration: Decoration.Bold);
    public Style Heading3 { get; init; } = new(decoration: Decoration.Bold);
    public Style Code { get; init; } = new(Color.Yellow);
    public Style CodeBlock { get; init; } = new(Color.Yellow);
    public Style Link { get; init; } = new(Color.Blue, decoration: Decoration.Underline);
    public Style Url { get; init; } = new(Color.Grey);
    public Style Quote { get; init; } = new(Color.Grey);
    public Style Bullet { get; init; } = new(Color.Aqua);

    public static MarkdownTheme Default { get; } = new();
}
