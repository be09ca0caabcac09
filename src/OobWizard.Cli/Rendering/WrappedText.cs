using Spectre.Console;

namespace OobWizard.Cli.Rendering;

/// <summary>
/// Plain lines for a terminal of a known width: a sentence is wrapped between words, and Japanese between
/// characters (<see cref="CjkBreaker"/>), instead of being cut by the terminal in the middle of a word.
/// Output that is not a terminal keeps one line per sentence, for grep and scripts.
/// </summary>
public static class WrappedText
{
    /// <summary>The terminal's width in columns when <paramref name="isTerminal"/>, else null (no wrapping).</summary>
    public static int? TerminalWidth(bool isTerminal)
    {
        if (!isTerminal)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth is > 20 and var w ? w : 80;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or PlatformNotSupportedException)
        {
            return 80;
        }
    }

    /// <summary>Columns <paramref name="text"/> takes on a terminal (a CJK character takes two).</summary>
    public static int Columns(string text) => Terminal.Gui.Text.StringExtensions.GetColumns(text ?? "", false);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="writer"/> wrapped to <paramref name="width"/> columns: the first
    /// line starts with <paramref name="prefix"/> (a bullet, a number, an indent), the following ones are indented by
    /// <paramref name="hang"/> columns (default: as wide as the prefix). With no width, or when it fits, one line.
    /// </summary>
    public static void Write(TextWriter writer, string text, int? width, string prefix = "", int? hang = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prefix);
        var first = Columns(prefix);
        var indent = hang ?? first;
        if (width is not { } columns || first + Columns(text) <= columns || columns - Math.Max(first, indent) < 20)
        {
            writer.WriteLine(prefix + text);
            return;
        }

        var lines = Lines(text, columns - Math.Max(first, indent));
        for (var i = 0; i < lines.Count; i++)
        {
            writer.WriteLine((i == 0 ? prefix : new string(' ', indent)) + lines[i]);
        }
    }

    /// <summary><paramref name="text"/> broken into lines of at most <paramref name="width"/> columns, between words or Japanese characters.</summary>
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new TrimmingWriter(buffer)),
        });
        console.Profile.Width = Math.Max(1, width);
        console.Profile.Capabilities.Unicode = true;
        console.Write(CjkText.Append(new Paragraph(), text, Style.Plain));
        console.WriteLine();
        return [.. buffer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];
    }
}
