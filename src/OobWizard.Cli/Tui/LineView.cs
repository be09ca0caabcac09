using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OobWizard.Cli.Tui;

/// <summary>
/// A line (or a few) of styled pieces: header, breadcrumb, information line, key bar. Text wraps
/// at spaces (or between any two CJK characters) onto the rows the view has, and the last row is
/// cut with "…", so nothing ever spills past the width; a piece with a click action reacts to the mouse.
/// </summary>
public sealed class LineView : View
{
    private IReadOnlyList<LineSegment> _segments = [];
    private readonly List<(int Row, int From, int To, Action Action)> _targets = [];

    public LineView(Attribute fill)
    {
        Fill = fill;
        Height = 1;
        CanFocus = false;
    }

    /// <summary>The attribute of the empty rest of the line.</summary>
    public Attribute Fill { get; set; }

    /// <summary>What the view shows now, rows joined by newlines (for tests).</summary>
    public string Shown { get; private set; } = "";

    public void Set(params LineSegment[] segments) => Set((IReadOnlyList<LineSegment>)segments);

    public void Set(IReadOnlyList<LineSegment> segments)
    {
        _segments = segments;
        SetNeedsDraw();
    }

    /// <summary>Rows the pieces need at <paramref name="width"/> columns without cutting.</summary>
    public int RowsNeeded(int width) => Layout(Math.Max(1, width), int.MaxValue).Count;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var rows = Layout(Math.Max(1, width), Math.Max(1, Viewport.Height));
        _targets.Clear();
        var shown = new System.Text.StringBuilder();
        for (var row = 0; row < Viewport.Height; row++)
        {
            SetAttribute(Fill);
            AddStr(0, row, new string(' ', Math.Max(0, width)));
            if (row >= rows.Count)
            {
                continue;
            }

            var x = 0;
            if (row > 0)
            {
                shown.Append('\n');
            }

            foreach (var (text, segment) in rows[row])
            {
                SetAttribute(segment?.Attribute ?? Fill);
                AddStr(x, row, text);
                shown.Append(text);
                var columns = text.GetColumns();
                if (segment?.OnClick is { } action)
                {
                    _targets.Add((row, x, x + columns, action));
                }

                x += columns;
            }
        }

        Shown = shown.ToString();
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonReleased) || mouse.Position is not { } p)
        {
            return mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) && _targets.Count > 0;
        }

        foreach (var (row, from, to, action) in _targets)
        {
            if (p.Y == row && p.X >= from && p.X < to)
            {
                action();
                return true;
            }
        }

        return false;
    }

    // Graphemes with their piece, broken into rows: at the last space that fits, else anywhere; the
    // last allowed row ends in "…" when more would follow.
    private List<List<(string Text, LineSegment? Segment)>> Layout(int width, int maxRows)
    {
        var cells = new List<(string Text, LineSegment? Segment, int Columns)>();
        foreach (var segment in _segments)
        {
            foreach (var grapheme in GraphemeHelper.GetGraphemes(segment.Text))
            {
                var columns = grapheme.GetColumns();
                if (columns > 0)
                {
                    cells.Add((grapheme, segment, columns));
                }
            }
        }

        var rows = new List<List<(string Text, LineSegment? Segment)>>();
        var start = 0;
        while (start < cells.Count)
        {
            var used = 0;
            var end = start;
            while (end < cells.Count && used + cells[end].Columns <= width)
            {
                used += cells[end].Columns;
                end++;
            }

            if (end == start)
            {
                // A wide glyph in a one-column view: leave it out rather than loop.
                start++;
                continue;
            }

            var last = rows.Count == maxRows - 1;
            if (end < cells.Count && last)
            {
                // Cut: keep room for "…".
                while (end > start && used + 1 > width)
                {
                    end--;
                    used -= cells[end].Columns;
                }

                rows.Add([.. cells.Skip(start).Take(end - start).Select(c => (c.Text, c.Segment)), ("…", null)]);
                break;
            }

            if (end < cells.Count)
            {
                var space = cells.FindLastIndex(end - 1, end - start, c => c.Text == " ");
                if (space > start)
                {
                    end = space + 1;
                }
            }

            rows.Add(cells.Skip(start).Take(end - start).Select(c => (c.Text, (LineSegment?)c.Segment)).ToList());
            start = end;
        }

        return rows;
    }
}
