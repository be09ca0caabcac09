using System.Globalization;
using OobWizard.Cli.Rendering;
using Spectre.Console;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace OobWizard.Cli.Tui;

/// <summary>
/// The answers of the current step, numbered, each wrapped under its own text (CJK breaking kept).
/// Arrows and typed numbers highlight an answer, Enter chooses it; a click chooses the answer
/// clicked. Numbers may have several digits (with twelve answers, "1" highlights answer 1 and a
/// second "1" moves on to 11); a number never chooses by itself, so the Enter that follows it is
/// never taken by the next question. "/" starts a filter that narrows the list as one types (the
/// numbers stay those of the full list).
/// </summary>
public sealed class AnswerList : View
{
    private readonly TuiTheme _theme;
    private IReadOnlyList<string> _labels = [];
    private List<int> _visible = [];
    private List<(int First, IReadOnlyList<string> Lines)> _layout = [];
    private int _layoutWidth = -1;
    private int _pendingNumber;
    private bool _numberHint;
    private int? _pressedItem;
    private bool _adjusting;

    public AnswerList(TuiTheme theme)
    {
        _theme = theme;
        CanFocus = true;
    }

    /// <summary>Raised with the index (into the full list) of the answer chosen.</summary>
    public event EventHandler<int>? Chosen;

    /// <summary>Raised with a hint for the status line ("answer 1: Enter, or a second digit"), or null to clear it.</summary>
    public event EventHandler<string?>? Hint;

    /// <summary>Localised texts the list shows itself (the filter prompt, "no match", the number hint).</summary>
    public Func<string, object?[], string> Localize { get; set; } = (key, _) => key;

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Index into the full list of the highlighted answer, or null when none is shown.</summary>
    public int? Selected => _visible.Count == 0 ? null : _visible[Math.Clamp(SelectedRow, 0, _visible.Count - 1)];

    /// <summary>The filter text while filtering, else null.</summary>
    public string? Filter { get; private set; }

    private int SelectedRow { get; set; }

    /// <summary>Shows new answers, highlighting <paramref name="select"/> (an index into them) when given.</summary>
    public void SetAnswers(IReadOnlyList<string> labels, int? select = null)
    {
        _labels = labels;
        Filter = null;
        _pendingNumber = 0;
        _numberHint = false;
        _visible = Enumerable.Range(0, labels.Count).ToList();
        SelectedRow = select is { } s && s >= 0 && s < labels.Count ? s : 0;
        Relayout(force: true);
        Viewport = Viewport with { Y = 0 };
        EnsureSelectedVisible();
    }

    /// <summary>Lines the list needs at <paramref name="width"/> columns (the window caps it).</summary>
    public int NeededLines(int width)
    {
        Relayout(force: width != _layoutWidth, width);
        return Math.Max(1, (Filter is null ? 0 : 1) + (_layout.Count == 0 ? 1 : _layout[^1].First + _layout[^1].Lines.Count));
    }

    public void Select(int index)
    {
        var row = _visible.IndexOf(index);
        if (row >= 0)
        {
            SelectedRow = row;
            EnsureSelectedVisible();
            SetNeedsDraw();
        }
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        if (_adjusting)
        {
            return;
        }

        if (Viewport.Width != _layoutWidth)
        {
            Relayout(force: true);
        }

        // A new size (resize, or the window gave the list more room): no empty rows below while
        // answers are scrolled off above, and the highlighted answer in view.
        EnsureSelectedVisible();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (Filter is not null && HandleFilterKey(key))
        {
            return true;
        }

        if (key == Key.CursorDown || key == Key.CursorUp)
        {
            ClearNumber();
            if (_visible.Count > 0)
            {
                SelectedRow = (SelectedRow + (key == Key.CursorDown ? 1 : -1) + _visible.Count) % _visible.Count;
                EnsureSelectedVisible();
                SetNeedsDraw();
            }

            return true;
        }

        if (key == Key.Enter)
        {
            ClearNumber();
            if (Selected is { } chosen)
            {
                Chosen?.Invoke(this, chosen);
            }

            return true;
        }

        var rune = key.AsRune;
        var ch = rune.IsBmp ? (char)rune.Value : '\0';
        if (!key.IsCtrl && !key.IsAlt && ch is >= '0' and <= '9')
        {
            Digit(ch - '0');
            return true;
        }

        if (!key.IsCtrl && !key.IsAlt && ch == '/' && Filter is null)
        {
            ClearNumber();
            Filter = "";
            ApplyFilter();
            return true;
        }

        ClearNumber();
        return false;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown) || mouse.Flags.HasFlag(MouseFlags.WheeledUp))
        {
            var max = Math.Max(0, NeededLines(Viewport.Width) - Viewport.Height);
            var y = Math.Clamp(Viewport.Y + (mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? 1 : -1), 0, max);
            Viewport = Viewport with { Y = y };
            SetNeedsDraw();
            return true;
        }

        var item = mouse.Position is { } p ? ItemAt(Viewport.Y + p.Y) : null;
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed))
        {
            _pressedItem = item;
            if (item is { } row)
            {
                SelectedRow = row;
                SetNeedsDraw();
            }

            return true;
        }

        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonReleased))
        {
            // A click (press and release on the same answer) chooses it.
            if (item is { } row && row == _pressedItem)
            {
                ClearNumber();
                Chosen?.Invoke(this, _visible[row]);
            }

            _pressedItem = null;
            return true;
        }

        return mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked);
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        // On the colours of wherever the list sits (the window, or a dialog).
        var under = GetAttributeForRole(VisualRole.Normal);
        var normal = TuiTheme.On(_theme.Normal, under);
        var hint = TuiTheme.On(_theme.Hint, under);
        SetAttribute(normal);
        ClearViewport();
        var offset = Filter is null ? 0 : 1;
        if (Filter is not null && Viewport.Y == 0)
        {
            SetAttribute(TuiTheme.On(_theme.Message, under));
            var prompt = Localize("tui.filter", [Filter]);
            AddStr(0, 0, Fit(prompt, Viewport.Width));
        }

        if (_visible.Count == 0 && Filter is not null)
        {
            SetAttribute(hint);
            AddStr(2, offset - Viewport.Y, Fit(Localize("tui.filter.none", [Filter]), Viewport.Width - 2));
            return true;
        }

        var numberWidth = NumberWidth();
        for (var row = 0; row < _layout.Count; row++)
        {
            var item = _layout[row];
            var selected = row == SelectedRow;
            var attribute = selected ? (HasFocus ? _theme.Selected : _theme.SelectedUnfocused) : normal;
            for (var l = 0; l < item.Lines.Count; l++)
            {
                var y = offset + item.First + l - Viewport.Y;
                if (y < 0 || y >= Viewport.Height)
                {
                    continue;
                }

                if (selected)
                {
                    SetAttribute(attribute);
                    AddStr(0, y, new string(' ', Viewport.Width));
                }

                if (l == 0)
                {
                    SetAttribute(selected ? attribute : hint);
                    var marker = selected ? "❯ " : "  ";
                    AddStr(0, y, marker + (_visible[row] + 1).ToString(CultureInfo.InvariantCulture).PadLeft(numberWidth) + ". ");
                }

                SetAttribute(attribute);
                var x = 2 + numberWidth + 2;
                foreach (var grapheme in GraphemeHelper.GetGraphemes(item.Lines[l]))
                {
                    var columns = grapheme.GetColumns();
                    if (columns <= 0 || x + columns > Viewport.Width)
                    {
                        continue;
                    }

                    AddStr(x, y, grapheme);
                    x += columns;
                }
            }
        }

        // More answers above or below than fit: say so at the right edge.
        var total = NeededLines(Viewport.Width);
        if (Viewport.Y > 0)
        {
            SetAttribute(hint);
            AddStr(Math.Max(0, Viewport.Width - 2), 0, "↑ ");
        }

        if (Viewport.Y + Viewport.Height < total)
        {
            SetAttribute(hint);
            var below = Enumerable.Range(0, _layout.Count).Count(r => offset + _layout[r].First >= Viewport.Y + Viewport.Height);
            var mark = "↓" + (below > 0 ? below.ToString(CultureInfo.InvariantCulture) : "") + " ";
            AddStr(Math.Max(0, Viewport.Width - mark.Length), Viewport.Height - 1, mark);
        }

        return true;
    }

    private bool HandleFilterKey(Key key)
    {
        if (key == Key.Esc)
        {
            Filter = null;
            ApplyFilter();
            return true;
        }

        if (key == Key.Backspace)
        {
            if (Filter!.Length == 0)
            {
                Filter = null;
            }
            else
            {
                Filter = Filter[..^1];
            }

            ApplyFilter();
            return true;
        }

        var rune = key.AsRune;
        if (!key.IsCtrl && !key.IsAlt && rune.Value >= ' ' && key != Key.Enter && key != Key.Tab)
        {
            Filter += rune.ToString();
            ApplyFilter();
            return true;
        }

        return false;
    }

    private void ApplyFilter()
    {
        var keep = Selected;
        _visible = Enumerable.Range(0, _labels.Count)
            .Where(i => Filter is not { Length: > 0 } f || _labels[i].Contains(f, StringComparison.CurrentCultureIgnoreCase))
            .ToList();
        SelectedRow = keep is { } k && _visible.IndexOf(k) is >= 0 and var at ? at : 0;
        Relayout(force: true);
        EnsureSelectedVisible();
        Hint?.Invoke(this, null);
        SuperView?.SetNeedsLayout();
        SetNeedsDraw();
    }

    private void Digit(int digit)
    {
        var count = _labels.Count;
        var number = _pendingNumber * 10 + digit;
        if (_pendingNumber > 0 && (number < 1 || number > count))
        {
            // "1" then "9" with twelve answers: 19 does not exist, so the 9 starts a new number.
            number = digit;
        }

        if (number < 1 || number > count)
        {
            ClearNumber();
            _numberHint = true;
            Hint?.Invoke(this, Localize("tui.number.none", [digit]));
            return;
        }

        Filter = null;
        if (_visible.Count != count)
        {
            ApplyFilter();
        }

        // A number only highlights: Enter (or a click) chooses. Choosing at once when no longer
        // number exists made the Enter a user types next answer the following question too.
        Select(number - 1);
        if (number * 10 > count)
        {
            // No longer number exists: the next digit starts a new number.
            _pendingNumber = 0;
            _numberHint = true;
            Hint?.Invoke(this, Localize("tui.number.enter", [number]));
            return;
        }

        _pendingNumber = number;
        _numberHint = true;
        Hint?.Invoke(this, Localize("tui.number.more", [number]));
    }

    private void ClearNumber()
    {
        _pendingNumber = 0;
        if (_numberHint)
        {
            _numberHint = false;
            Hint?.Invoke(this, null);
        }
    }

    private int? ItemAt(int contentLine)
    {
        var line = contentLine - (Filter is null ? 0 : 1);
        for (var row = 0; row < _layout.Count; row++)
        {
            if (line >= _layout[row].First && line < _layout[row].First + _layout[row].Lines.Count)
            {
                return row;
            }
        }

        return null;
    }

    // Scrolls so the highlighted answer is in view and no rows are left empty below; sets the
    // viewport once (setting it raises OnViewportChanged, which must not start this again).
    private void EnsureSelectedVisible()
    {
        if (_layout.Count == 0 || Viewport.Height <= 0)
        {
            return;
        }

        var item = _layout[Math.Clamp(SelectedRow, 0, _layout.Count - 1)];
        var offset = Filter is null ? 0 : 1;
        var top = Viewport.Y;
        if (offset + item.First + item.Lines.Count > top + Viewport.Height)
        {
            top = offset + item.First + item.Lines.Count - Viewport.Height;
        }

        if (offset + item.First < top)
        {
            top = item.First == 0 ? 0 : offset + item.First;
        }

        var max = Math.Max(0, offset + _layout[^1].First + _layout[^1].Lines.Count - Viewport.Height);
        top = Math.Clamp(top, 0, max);
        if (top == Viewport.Y)
        {
            return;
        }

        _adjusting = true;
        try
        {
            Viewport = Viewport with { Y = top };
        }
        finally
        {
            _adjusting = false;
        }
    }

    private int NumberWidth() => _labels.Count.ToString(CultureInfo.InvariantCulture).Length;

    private void Relayout(bool force, int? width = null)
    {
        var w = Math.Max(8, width ?? Viewport.Width);
        if (!force && w == _layoutWidth)
        {
            return;
        }

        _layoutWidth = w;
        var textWidth = Math.Max(4, w - (2 + NumberWidth() + 2));
        var layout = new List<(int First, IReadOnlyList<string> Lines)>();
        var first = 0;
        foreach (var index in _visible)
        {
            var lines = StyledLines.Render(CjkText.Append(new Paragraph(), _labels[index], Style.Plain), textWidth).Text;
            (int First, IReadOnlyList<string> Lines) item = (first, lines.Count == 0 ? [""] : lines);
            layout.Add(item);
            first += item.Lines.Count;
        }

        _layout = layout;
        SetContentSize(new System.Drawing.Size(w, Math.Max(1, first + (Filter is null ? 0 : 1))));
        SetNeedsDraw();
    }

    private static string Fit(string text, int width)
    {
        if (text.GetColumns() <= width)
        {
            return text;
        }

        var result = "";
        foreach (var g in GraphemeHelper.GetGraphemes(text))
        {
            if ((result + g).GetColumns() > width - 1)
            {
                break;
            }

            result += g;
        }

        return result + "…";
    }

}
