namespace OobWizard.Cli.Rendering;

/// <summary>
/// Japanese has no spaces, so Spectre would treat a whole sentence as one word, push it to the next
/// line and cut it anywhere. Splitting CJK runs into one piece per character lets lines break between
/// characters, with closing punctuation kept on the character (or Latin word) before it and an opening
/// bracket on the one after it (kinsoku: no line starts with 」 or 。, none ends with 「).
/// </summary>
public static class CjkBreaker
{
    public static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCjk(text[i]) || (i > start && IsClosing(text[i])) || (IsOpening(text[i]) && i + 1 < text.Length && !IsCjk(text[i + 1])))
            {
                // Latin text goes on; so does closing punctuation right after it ("protocol」"), and an
                // opening bracket before Latin text ("「Unsupported") stays with it.
                i++;
                continue;
            }

            // An opening bracket right before this character ("設定(ネ", "AMT (ネ") goes with it, so that no
            // line ends with "(".
            var from = i;
            while (from > start && IsOpening(text[from - 1]))
            {
                from--;
            }

            if (from > start)
            {
                yield return text[start..from];
            }

            var end = i + 1;
            while (end < text.Length && (IsClosing(text[end]) || (IsOpening(text[end - 1]) && IsCjk(text[end]))))
            {
                end++;
            }

            yield return text[from..end];
            start = i = end;
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    public static bool IsCjk(char c) =>
        c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\uAC00' and <= '\uD7A3';

    private static bool IsOpening(char c) => "（「『【〔〈《".Contains(c) || c == '(';

    private static bool IsClosing(char c) => "、。，．・：；？！ー）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々".Contains(c) || c == ')';
}
