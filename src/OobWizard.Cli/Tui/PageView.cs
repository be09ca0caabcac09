using Spectre.Console.Rendering;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace OobWizard.Cli.Tui;

/// <summary>
/// Paints a Spectre renderable into Terminal.Gui cells (wide glyphs, bold, underline, reverse and,
/// unless monochrome, colours kept), so the guidance keeps the project's own Markdown renderer and
/// CJK line breaking. Lays the page out again whenever its width changes; scrolls with the mouse
/// wheel and, when focused, with the arrow keys, PgUp/PgDn and Home/End.
/// </summary>
public sealed class PageView : View
{
    private readonly TuiTheme _theme;
    private Func<int, IRenderable>? _build;
    private bool _adjusting;

    public PageView(TuiTheme theme)
    {
        _theme = theme;
        CanFocus = true;
    }

    /// <summary>The page as laid out at the current width.</summary>
    public StyledLines Page { get; private set; } = StyledLines.Empty;

    /// <summary>The first line shown (0-based).</summary>
    public int Top => Viewport.Y;

    /// <summary>Lines visible at once.</summary>
    public int VisibleLines => Math.Max(0, Viewport.Height);

    /// <summary>Raised when the page scrolls or gets new content (the window shows "lines a-b of n").</summary>
    public event EventHandler? Scrolled;

    /// <summary>Shows a new page from the top; <paramref name="build"/> renders it at a given width.</summary>
    public void Show(Func<int, IRenderable> build)
    {
        _build = build;
        Relayout(force: true);
        Viewport = Viewport with { Y = 0 };
        Scrolled?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Lays the current page out again (its text changed, for example the language).</summary>
    public void Refresh()
    {
        var top = Viewport.Y;
        Relayout(force: true);
        ScrollTo(top);
    }

    public void ScrollBy(int lines)
    {
        ScrollTo(Viewport.Y + lines);
    }

    public void ScrollTo(int line)
    {
        var max = Math.Max(0, Page.Count - Viewport.Height);
        var y = Math.Clamp(line, 0, max);
        if (y != Viewport.Y)
        {
            Viewport = Viewport with { Y = y };
        }

        Scrolled?.Invoke(this, EventArgs.Empty);
        SetNeedsDraw();
    }

    /// <summary>The first line whose text matches, or null.</summary>
    public int? FindLine(Func<string, bool> match)
    {
        for (var i = 0; i < Page.Text.Count; i++)
        {
            if (match(Page.Text[i]))
            {
                return i;
            }
        }

        return null;
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        if (!_adjusting && Viewport.Width != Page.Width)
        {
            // A resize: lay out again at the new width and keep the scroll position in range
            // (without starting this again from the viewport change that causes).
            _adjusting = true;
            try
            {
                var top = Viewport.Y;
                Relayout(force: false);
                ScrollTo(top);
            }
            finally
            {
                _adjusting = false;
            }
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorDown)
        {
            ScrollBy(1);
        }
        else if (key == Key.CursorUp)
        {
            ScrollBy(-1);
        }
        else
        {
            return false;
        }

        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            ScrollBy(3);
            return true;
        }

        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp))
        {
            ScrollBy(-3);
            return true;
        }

        return false;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        // The colours of wherever the page sits (the window, or a dialog).
        var under = GetAttributeForRole(VisualRole.Normal);
        SetAttribute(under);
        ClearViewport();
        var width = Viewport.Width;
        for (var row = 0; row < Viewport.Height; row++)
        {
            var index = Viewport.Y + row;
            if (index >= Page.Count)
            {
                break;
            }

            var col = 0;
            foreach (var segment in Page.Lines[index])
            {
                if (segment.IsControlCode || segment.IsLineBreak || segment.Text.Length == 0)
                {
                    continue;
                }

                SetAttribute(_theme.Map(segment.Style, under));
                foreach (var grapheme in GraphemeHelper.GetGraphemes(segment.Text))
                {
                    var columns = grapheme.GetColumns();
                    if (columns <= 0)
                    {
                        continue;
                    }

                    // A wide glyph that would straddle the right edge is left out, never half drawn.
                    if (col + columns > width)
                    {
                        break;
                    }

                    AddStr(col, row, grapheme);
                    col += columns;
                }
            }
        }

        return true;
    }

    private void Relayout(bool force)
    {
        var width = Math.Max(1, Viewport.Width);
        if (_build is null || (!force && width == Page.Width))
        {
            return;
        }

        Page = StyledLines.Render(_build(width), width);
        SetContentSize(new System.Drawing.Size(width, Math.Max(1, Page.Count)));
        SetNeedsDraw();
    }
}
