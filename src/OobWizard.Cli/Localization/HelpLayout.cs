using System.Text;
using Wcwidth;

namespace OobWizard.Cli.Localization;

/// <summary>
/// Lays --help out for a terminal <c>width</c> columns wide, counting display columns (a Japanese character
/// takes two) and breaking Japanese text between characters, where System.CommandLine counts characters and
/// breaks only at spaces (a Japanese description ran past the edge and the terminal broke it anywhere).
/// Input: the help as System.CommandLine writes it without a width limit (each row on one line, the second
/// column at the same place in a section); output: the same rows, wrapped, the second column kept aligned.
/// </summary>
public static class HelpLayout
{
    private const string ClosingPunctuation = "、。，．）」』】〕・ー：；？！,.:;)]}!?%";
    private const string OpeningPunctuation = "(（「『【〔[{";

    public static string Reflow(string help, int width)
    {
        ArgumentNullException.ThrowIfNull(help);
        if (width is <= 20 or int.MaxValue)
        {
            return help;
        }

        var lines = help.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var output = new List<string>();
        for (var i = 0; i < lines.Length;)
        {
            if (!lines[i].StartsWith("  ", StringComparison.Ordinal))
            {
                output.Add(lines[i++]);
                continue;
            }

            // A block of indented lines: one section's rows.
            var block = new List<string>();
            while (i < lines.Length && lines[i].StartsWith("  ", StringComparison.Ordinal))
            {
                block.Add(lines[i++]);
            }

            output.AddRange(Block(block, width));
        }

        return string.Join('\n', output);
    }

    private static IEnumerable<string> Block(List<string> rows, int width)
    {
        // Where the second column starts: System.CommandLine pads the first column to its widest cell plus two spaces.
        var starts = rows.Select(SecondColumn).Where(s => s > 0).ToList();
        if (starts.Count == 0)
        {
            return rows.SelectMany(r => Wrap(r[2..], width - 2).Select(l => "  " + l));
        }

        var column = starts.GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
        var placed = Math.Min(column, Math.Max(width / 3, 16));
        var result = new List<string>();
        foreach (var row in rows)
        {
            if (row.Length <= column || SecondColumn(row) != column)
            {
                result.AddRange(Wrap(row.TrimStart(), width - 2).Select(l => "  " + l));
                continue;
            }

            var first = row[..column].Trim();
            var text = Wrap(row[column..], width - placed);
            if (Cells(first) + 4 > placed)
            {
                result.AddRange(Wrap(first, width - 2).Select(l => "  " + l));
                result.AddRange(text.Select(l => new string(' ', placed) + l));
                continue;
            }

            result.Add("  " + first + new string(' ', placed - 2 - Cells(first)) + text[0]);
            result.AddRange(text.Skip(1).Select(l => new string(' ', placed) + l));
        }

        return result;
    }

    /// <summary>Display columns of <paramref name="text"/> (Wcwidth, which Spectre.Console and Terminal.Gui measure with too).</summary>
    public static int Cells(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cells = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            cells += Math.Max(0, UnicodeCalculator.GetWidth(rune));
        }

        return cells;
    }

    /// <summary>The index where the row's second column starts (after the first run of two or more spaces past the indent), 0 if none.</summary>
    private static int SecondColumn(string row)
    {
        var gap = row.IndexOf("  ", 2, StringComparison.Ordinal);
        if (gap < 0)
        {
            return 0;
        }

        var start = gap;
        while (start < row.Length && row[start] == ' ')
        {
            start++;
        }

        return start < row.Length ? start : 0;
    }

    /// <summary><paramref name="text"/> in lines of at most <paramref name="width"/> display columns, broken at spaces and between wide characters.</summary>
    public static List<string> Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        width = Math.Max(width, 10);
        var lines = new List<string>();
        var line = new StringBuilder();
        var used = 0;
        foreach (var (unit, spaced) in Units(text).SelectMany(u => Split(u, width)))
        {
            var cells = Cells(unit);
            var gap = spaced && line.Length > 0 ? 1 : 0;
            if (line.Length > 0 && used + gap + cells > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                used = 0;
                gap = 0;
            }

            if (gap == 1)
            {
                line.Append(' ');
            }

            line.Append(unit);
            used += gap + cells;
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>A piece wider than a line (a long list of choices) in line-wide parts, cut after a '|' where there is one.</summary>
    private static IEnumerable<(string Unit, bool Spaced)> Split((string Unit, bool Spaced) piece, int width)
    {
        var (unit, spaced) = piece;
        while (Cells(unit) > width)
        {
            var cut = 0;
            var used = 0;
            var lastBar = -1;
            foreach (var rune in unit.EnumerateRunes())
            {
                var w = Math.Max(0, UnicodeCalculator.GetWidth(rune));
                if (used + w > width)
                {
                    break;
                }

                used += w;
                cut += rune.Utf16SequenceLength;
                if (rune.Value == '|')
                {
                    lastBar = cut;
                }
            }

            cut = lastBar > 0 ? lastBar : Math.Max(cut, 1);
            yield return (unit[..cut], spaced);
            unit = unit[cut..];
            spaced = false;
        }

        yield return (unit, spaced);
    }

    /// <summary>The unbreakable pieces of <paramref name="text"/>: words, and each wide character with the punctuation that may not begin or end a line attached.</summary>
    private static IEnumerable<(string Unit, bool Spaced)> Units(string text)
    {
        var word = new StringBuilder();
        var spaced = false;
        var pendingSpace = false;
        var lastWide = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (Rune.IsWhiteSpace(rune))
            {
                if (word.Length > 0)
                {
                    yield return (word.ToString(), spaced);
                    word.Clear();
                }

                pendingSpace = true;
                lastWide = false;
                continue;
            }

            var wide = Cells(s) > 1;
            var closing = ClosingPunctuation.Contains(s, StringComparison.Ordinal);
            var afterOpening = word.Length > 0 && OpeningPunctuation.Contains(word[^1]) && !pendingSpace;
            var breakHere = word.Length > 0 && !pendingSpace && !closing && !afterOpening && (wide || lastWide);
            if (pendingSpace || breakHere)
            {
                if (word.Length > 0)
                {
                    yield return (word.ToString(), spaced);
                    word.Clear();
                }

                spaced = pendingSpace;
                pendingSpace = false;
            }

            word.Append(s);
            lastWide = wide;
        }

        if (word.Length > 0)
        {
            yield return (word.ToString(), spaced);
        }
    }
}
