using System.Text.RegularExpressions;

namespace OobWizard.Logs;

/// <summary>
/// CMTrace's "Copy to Clipboard" text: <c>message TAB component TAB date time TAB thread</c>, where a
/// paste may have turned the tabs into spaces and the date is in the poster's locale. Recognised
/// from the end: the thread <c>N (0xH)</c>, a time (with an optional AM/PM marker), a date, the component.
/// </summary>
internal static partial class ClipboardLine
{
    public static bool TryParse(string line, out string message, out string component)
    {
        message = component = "";
        var trimmed = line.AsSpan().TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] != ')')
        {
            return false; // cheap exit for almost every line
        }

        var tabs = line.Split('\t');
        if (tabs.Length >= 4 && IsThread(tabs[^1].Trim()) && IsDateTime(tabs[^2].Trim()) && tabs[^3].Trim().Length > 0)
        {
            component = tabs[^3].Trim();
            message = string.Join('\t', tabs[..^3]).TrimEnd();
            return true;
        }

        // Spaces: walk back token by token.
        var end = trimmed.Length;
        if (!Token(trimmed, ref end, out var hex) || !ThreadHex().IsMatch(hex)
            || !Token(trimmed, ref end, out var id) || !Digits().IsMatch(id)
            || !Token(trimmed, ref end, out var time))
        {
            return false;
        }

        if (!IsTime(time))
        {
            if (!Marker().IsMatch(time) || !Token(trimmed, ref end, out time) || !IsTime(time))
            {
                return false;
            }
        }

        if (!Token(trimmed, ref end, out var date) || !Date().IsMatch(date)
            || !Token(trimmed, ref end, out var comp))
        {
            return false;
        }

        component = comp;
        message = trimmed[..end].TrimEnd().ToString();
        return true;
    }

    private static bool IsThread(string s)
    {
        var sp = s.LastIndexOf(' ');
        return sp > 0 && Digits().IsMatch(s[..sp].Trim()) && ThreadHex().IsMatch(s[(sp + 1)..]);
    }

    private static bool IsDateTime(string s)
    {
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length is 2 or 3 && Date().IsMatch(parts[0]) && IsTime(parts[1]) && (parts.Length == 2 || Marker().IsMatch(parts[2]));
    }

    private static bool IsTime(string s) => Time().IsMatch(s);

    /// <summary>The whitespace-separated token ending before <paramref name="end"/>; moves <paramref name="end"/> to its start.</summary>
    private static bool Token(ReadOnlySpan<char> s, ref int end, out string token)
    {
        var e = end;
        while (e > 0 && char.IsWhiteSpace(s[e - 1]))
        {
            e--;
        }

        var b = e;
        while (b > 0 && !char.IsWhiteSpace(s[b - 1]) && e - b < 64)
        {
            b--;
        }

        token = s[b..e].ToString();
        end = b;
        return token.Length > 0 && (b == 0 || char.IsWhiteSpace(s[b - 1]));
    }

    [GeneratedRegex(@"^\(0x[0-9A-Fa-f]{1,8}\)$")]
    private static partial Regex ThreadHex();

    [GeneratedRegex(@"^[0-9]{1,10}$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\p{L}*[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?([.,][0-9]{1,7})?\p{L}*$")]
    private static partial Regex Time();

    [GeneratedRegex(@"^(AM|PM|am|pm|a\.m\.|p\.m\.|午前|午後|vorm\.|nachm\.)$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^[0-9]{1,4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,4}\.?$")]
    private static partial Regex Date();
}
