using OobWizard.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tui;

/// <summary>
/// The wizard's dialogs, each modal, localised by the caller, and cancelled by Esc (or Ctrl+D):
/// confirm, a line of text (masked for the AMT password, which is only ever held in memory), a
/// pick from a list, and a scrollable text. Body text goes through the project's renderer, so
/// Japanese breaks between characters here too. The last button is the default (Enter).
/// </summary>
public sealed class TuiDialogs(IApplication app, TuiTheme theme)
{
    /// <summary>Raised when a dialog opens and closes (tests and the window's own bookkeeping).</summary>
    public event EventHandler<Dialog?>? Current;

    /// <summary>A yes/no question; true only for "yes" (Esc is "no").</summary>
    public bool Confirm(string title, string text, string yes, string no)
    {
        using var dialog = NewDialog(title, text, out _);
        dialog.AddButton(NewButton(no));
        dialog.AddButton(NewButton(yes));
        dialog.Buttons[^1].SetFocus();
        return Run(dialog) == 1;
    }

    /// <summary>Three-way question: returns 0, 1 or 2 for the buttons (last one the default), null on Esc.</summary>
    public int? Ask(string title, string text, params string[] buttons)
    {
        using var dialog = NewDialog(title, text, out _);
        foreach (var b in buttons)
        {
            dialog.AddButton(NewButton(b));
        }

        dialog.Buttons[^1].SetFocus();
        return Run(dialog);
    }

    /// <summary>A line of text; null when cancelled. <paramref name="secret"/> masks what is typed.</summary>
    public string? Prompt(string title, string text, string initial, string ok, string cancel, bool secret = false, string? below = null)
    {
        using var dialog = NewDialog(title, text, out var y);
        var field = new TextField { X = 0, Y = y, Width = Dim.Fill(), Text = initial, Secret = secret };
        dialog.Add(field);
        y++;
        if (below is not null)
        {
            var more = Body(below, DialogTextWidth(), Math.Max(3, app.Screen.Height - 12 - y));
            more.Y = y + 1;
            dialog.Add(more);
        }

        dialog.AddButton(NewButton(cancel));
        dialog.AddButton(NewButton(ok));
        field.SetFocus();
        // Enter in the field means OK.
        field.Accepting += (_, e) =>
        {
            e.Handled = true;
            dialog.Result = 1;
            app.RequestStop(dialog);
        };
        return Run(dialog) == 1 ? field.Text : null;
    }

    /// <summary>One of <paramref name="options"/>, by arrows, number or click; null when cancelled.</summary>
    public int? Pick(string title, string text, IReadOnlyList<string> options, int selected, string cancel)
    {
        using var dialog = NewDialog(title, text, out var y);
        var list = new AnswerList(theme) { X = 0, Y = y, Width = Dim.Fill(), Height = options.Count };
        list.SetAnswers(options, selected);
        int? picked = null;
        list.Chosen += (_, index) =>
        {
            picked = index;
            app.RequestStop(dialog);
        };
        dialog.Add(list);
        dialog.AddButton(NewButton(cancel));
        list.SetFocus();
        Run(dialog);
        return picked;
    }

    /// <summary>A scrollable text (help, notes) with one button to close it.</summary>
    public void Show(string title, IRenderable body, string close)
    {
        using var dialog = NewDialog(title, null, out var y);
        var page = new PageView(theme) { X = 0, Y = y, Width = Dim.Fill(), Height = Math.Max(3, Math.Min(StyledLines.Render(body, DialogTextWidth()).Count, app.Screen.Height - 8)) };
        page.Show(_ => body);
        dialog.Add(page);
        // A text taller than the dialog says so ("↓7", "↑3 ↓4", "↑7") on the row below it, as the guidance pane does:
        // at 60x20 the German key list is taller than the screen, and nothing else shows that more follows.
        var more = new Label { X = Pos.AnchorEnd(), Y = Pos.Bottom(page), Text = "" };
        more.SetScheme(theme.Dialog);
        void ShowMore(object? sender, EventArgs e) => more.Text = ScrollHint(page.Top, page.VisibleLines, page.Page.Count);
        page.Scrolled += ShowMore;
        page.FrameChanged += (_, _) => ShowMore(null, EventArgs.Empty);
        ShowMore(null, EventArgs.Empty);
        dialog.Add(more);
        dialog.AddButton(NewButton(close));
        dialog.Buttons[^1].SetFocus();
        dialog.KeyDown += (_, key) =>
        {
            var by = key == Key.PageDown ? Math.Max(1, page.VisibleLines - 1)
                : key == Key.PageUp ? -Math.Max(1, page.VisibleLines - 1)
                : key == Key.CursorDown ? 1
                : key == Key.CursorUp ? -1
                : 0;
            if (by != 0)
            {
                page.ScrollBy(by);
                key.Handled = true;
            }
        };
        Run(dialog);
    }

    /// <summary>"↑N ↓M" for the lines above and below a view showing <paramref name="visible"/> of <paramref name="total"/> from <paramref name="top"/>; empty when all fit.</summary>
    public static string ScrollHint(int top, int visible, int total)
    {
        var below = Math.Max(0, total - top - visible);
        var above = Math.Max(0, top);
        if (visible <= 0 || (above == 0 && below == 0))
        {
            return "";
        }

        var parts = new List<string>(2);
        if (above > 0)
        {
            parts.Add("↑" + above.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (below > 0)
        {
            parts.Add("↓" + below.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }

    // Plain buttons, "[ OK ]" with no shadow blocks: old console fonts lack ⟦ ⟧ ► ◄ ▖ ▝ ▀ (pitfall 7),
    // and Terminal.Gui 2.5 sets those glyphs only through its configuration files. No hot key
    // from the first letter either: keys in a dialog are Enter, Esc, Tab and arrows.
    private static Button NewButton(string text) => new()
    {
        Text = "[ " + text + " ]",
        NoDecorations = true,
        ShadowStyle = ShadowStyles.None,
        HotKeySpecifier = new System.Text.Rune('\uFFFF'),
    };

    /// <summary>Width available for text inside a dialog on the current screen.</summary>
    public int DialogTextWidth() => DialogWidth() - 4;

    private int DialogWidth() => Math.Clamp(app.Screen.Width - 6, 20, 76);

    private Dialog NewDialog(string title, string? text, out int nextY)
    {
        var dialog = new Dialog
        {
            Title = title,
            Width = DialogWidth(),
            BorderStyle = Terminal.Gui.Drawing.LineStyle.Single,
            ShadowStyle = ShadowStyles.None,
        };
        dialog.SetScheme(theme.Dialog);
        nextY = 0;
        if (!string.IsNullOrEmpty(text))
        {
            var maxLines = Math.Max(2, app.Screen.Height - 10);
            var body = Body(text, DialogTextWidth(), maxLines);
            dialog.Add(body);
            nextY = Math.Min(maxLines, StyledLines.Render(CjkText.Append(new Paragraph(), text, Style.Plain), DialogTextWidth()).Count) + 1;
        }

        return dialog;
    }

    // Text laid out by the project's renderer (CJK breaking), scrollable when it is taller than allowed.
    private PageView Body(string text, int width, int maxLines)
    {
        IRenderable renderable = CjkText.Append(new Paragraph(), text, Style.Plain);
        var lines = StyledLines.Render(renderable, width).Count;
        var view = new PageView(theme) { X = 0, Y = 0, Width = Dim.Fill(), Height = Math.Max(1, Math.Min(lines, maxLines)), CanFocus = lines > maxLines };
        view.Show(_ => renderable);
        return view;
    }

    private int? Run(Dialog dialog)
    {
        // Ctrl+D (end of input) cancels like Esc, so a typed line never ends up in the wrong place.
        // Taken before any view sees it: a text field would read it as "delete the next character".
        void EndOfInput(object? sender, Key key)
        {
            if (key == Key.D.WithCtrl && ReferenceEquals(app.TopRunnable, dialog))
            {
                key.Handled = true;
                app.RequestStop(dialog);
            }
        }

        Current?.Invoke(this, dialog);
        app.Keyboard.KeyDown += EndOfInput;
        try
        {
            app.Run(dialog);
            return dialog.Result;
        }
        finally
        {
            app.Keyboard.KeyDown -= EndOfInput;
            Current?.Invoke(this, null);
        }
    }
}
