using Spectre.Console;
using Spectre.Console.Rendering;
using Terminal.Gui.Text;

namespace OobWizard.Cli.Tui;

/// <summary>
/// A Spectre renderable laid out at a width into lines of styled segments, the way the project's
/// own renderers (Markdown, CJK line breaking, tables) produce them for a terminal. Widths are
/// measured with Terminal.Gui's column rules, the ones its screen buffer uses.
/// </summary>
public sealed class StyledLines
{
    // A console that writes nowhere: only its capabilities (Unicode, colours) matter for layout.
    private static readonly IAnsiConsole Layout = CreateLayoutConsole();

    private StyledLines(IReadOnlyList<SegmentLine> lines, int width)
    {
        Lines = lines;
        Width = width;
        Text = lines.Select(l => string.Concat(l.Where(s => !s.IsControlCode).Select(s => s.Text))).ToList();
    }

    public IReadOnlyList<SegmentLine> Lines { get; }

    /// <summary>Each line's text without styles (for tests, search and the Fix section).</summary>
    public IReadOnlyList<string> Text { get; }

    public int Width { get; }

    public int Count => Lines.Count;

    public static StyledLines Empty { get; } = new([], 0);

    public static StyledLines Render(IRenderable renderable, int width)
    {
        // Spectre's paragraph splitting never ends when a wide (CJK) glyph is wider than the width:
        // lay out at least four columns; the painter clips what a tinier view cannot show.
        width = Math.Max(4, width);
        var options = RenderOptions.Create(Layout, Layout.Profile.Capabilities);
        var lines = Segment.SplitLines(renderable.Render(options, width), width);
        // A trailing empty line is an artefact of a final line break, not content.
        while (lines.Count > 0 && lines[^1].All(s => s.IsControlCode || s.Text.Length == 0))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new StyledLines(lines, width);
    }

    /// <summary>The widest line in terminal columns (CJK and other wide glyphs count two).</summary>
    public int MaxColumns => Text.Count == 0 ? 0 : Text.Max(t => t.GetColumns());

    private static IAnsiConsole CreateLayoutConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Null),
        });
        console.Profile.Capabilities.Unicode = true;
        console.Profile.Width = 1000;
        return console;
    }
}
