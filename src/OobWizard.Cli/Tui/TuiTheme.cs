using OobWizard.Cli.Rendering;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using SpectreColor = Spectre.Console.Color;
using SpectreDecoration = Spectre.Console.Decoration;
using SpectreStyle = Spectre.Console.Style;

namespace OobWizard.Cli.Tui;

/// <summary>
/// The colours of the full-screen wizard, on the terminal's own foreground and background. With
/// <c>NO_COLOR</c> it is monochrome: emphasis by bold, underline and reverse video only, and inline
/// code in reverse video so it is still told apart from the text around it.
/// </summary>
public sealed class TuiTheme
{
    private static readonly Color Default = Color.None;

    public TuiTheme(bool monochrome)
    {
        Monochrome = monochrome;
        Normal = new Attribute(Default, Default);
        Header = monochrome ? new Attribute(Default, Default, TextStyle.Reverse) : new Attribute(new Color(255, 255, 255), new Color(0, 95, 135), TextStyle.Bold);
        Breadcrumb = monochrome ? new Attribute(Default, Default, TextStyle.Bold) : new Attribute(new Color(0, 215, 215), Default);
        Hint = monochrome ? new Attribute(Default, Default, TextStyle.Faint) : new Attribute(new Color(138, 138, 138), Default);
        Message = monochrome ? new Attribute(Default, Default, TextStyle.Bold | TextStyle.Underline) : new Attribute(new Color(255, 215, 0), Default, TextStyle.Bold);
        Selected = monochrome ? new Attribute(Default, Default, TextStyle.Reverse | TextStyle.Bold) : new Attribute(new Color(0, 0, 0), new Color(0, 175, 95), TextStyle.Bold);
        SelectedUnfocused = monochrome ? new Attribute(Default, Default, TextStyle.Bold | TextStyle.Underline) : new Attribute(new Color(0, 215, 95), Default, TextStyle.Bold);
        StatusKey = monochrome ? new Attribute(Default, Default, TextStyle.Reverse) : new Attribute(new Color(0, 0, 0), new Color(0, 175, 175));
        StatusText = Normal;
        Window = new Scheme(Normal)
        {
            Focus = monochrome ? new Attribute(Default, Default, TextStyle.Reverse) : new Attribute(new Color(0, 0, 0), new Color(0, 175, 175)),
        };
        Dialog = new Scheme(monochrome ? Normal : new Attribute(new Color(255, 255, 255), new Color(48, 48, 48)))
        {
            Focus = monochrome ? new Attribute(Default, Default, TextStyle.Reverse) : new Attribute(new Color(0, 0, 0), new Color(0, 175, 175)),
            // An input field must be seen before anything is typed into it.
            Editable = monochrome ? new Attribute(Default, Default, TextStyle.Underline | TextStyle.Reverse) : new Attribute(new Color(0, 0, 0), new Color(208, 208, 208)),
        };
        Markdown = monochrome
            ? MarkdownTheme.Default with
            {
                Heading1 = new SpectreStyle(decoration: SpectreDecoration.Bold | SpectreDecoration.Underline),
                Heading2 = new SpectreStyle(decoration: SpectreDecoration.Bold),
                Code = new SpectreStyle(decoration: SpectreDecoration.Invert),
                CodeBlock = new SpectreStyle(decoration: SpectreDecoration.Bold),
                Link = new SpectreStyle(decoration: SpectreDecoration.Underline),
                Url = SpectreStyle.Plain,
                Quote = new SpectreStyle(decoration: SpectreDecoration.Italic),
                Bullet = SpectreStyle.Plain,
            }
            : MarkdownTheme.Default;
    }

    /// <summary>True under <c>NO_COLOR</c> (any non-empty value, as https://no-color.org says).</summary>
    public bool Monochrome { get; }

    public Attribute Normal { get; }

    public Attribute Header { get; }

    public Attribute Breadcrumb { get; }

    public Attribute Hint { get; }

    public Attribute Message { get; }

    public Attribute Selected { get; }

    public Attribute SelectedUnfocused { get; }

    public Attribute StatusKey { get; }

    public Attribute StatusText { get; }

    public Scheme Window { get; }

    public Scheme Dialog { get; }

    /// <summary>The styles the project's Markdown renderer uses on this theme.</summary>
    public MarkdownTheme Markdown { get; }

    /// <summary><paramref name="attribute"/> with the background of <paramref name="under"/> where it has none of its own.</summary>
    public static Attribute On(Attribute attribute, Attribute under) =>
        attribute.Background == Default ? new Attribute(attribute.Foreground == Default ? under.Foreground : attribute.Foreground, under.Background, attribute.Style) : attribute;

    public static TuiTheme FromEnvironment(Func<string, string?> env) => new(env("NO_COLOR") is { Length: > 0 });

    /// <summary>
    /// A Spectre style as a cell attribute on <paramref name="under"/> (the view's normal colours,
    /// used where the style has none): colours dropped when monochrome, decorations kept.
    /// </summary>
    public Attribute Map(SpectreStyle style, Attribute? under = null)
    {
        var text = TextStyle.None;
        var d = style.Decoration;
        if (d.HasFlag(SpectreDecoration.Bold))
        {
            text |= TextStyle.Bold;
        }

        if (d.HasFlag(SpectreDecoration.Italic))
        {
            text |= TextStyle.Italic;
        }

        if (d.HasFlag(SpectreDecoration.Underline))
        {
            text |= TextStyle.Underline;
        }

        if (d.HasFlag(SpectreDecoration.Invert))
        {
            text |= TextStyle.Reverse;
        }

        if (d.HasFlag(SpectreDecoration.Dim))
        {
            text |= TextStyle.Faint;
        }

        if (d.HasFlag(SpectreDecoration.Strikethrough))
        {
            text |= TextStyle.Strikethrough;
        }

        var baseAttribute = under ?? Normal;
        return Monochrome
            ? new Attribute(Default, Default, text | baseAttribute.Style)
            : new Attribute(ToColor(style.Foreground, baseAttribute.Foreground), ToColor(style.Background, baseAttribute.Background), text);
    }

    private static Color ToColor(SpectreColor color, Color fallback) => color == SpectreColor.Default ? fallback : new Color(color.R, color.G, color.B);
}
