using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OobWizard.Probes;

/// <summary>
/// The one place text from the network (a Server header, a Digest realm, XML text, a DNS TXT record, an environment
/// proxy URL) is made fit to show: C0 and C1 control characters, DEL and the bidirectional overrides and isolates
/// are written visibly as <c>\x1b</c> or <c>\u202e</c>, so no device can retitle a terminal, clear a screen or
/// reorder a line in a ticket report; and the user-info of any URL (<c>http://user:pass@proxy</c>) is replaced by
/// <c>***</c>. <see cref="Evidence"/> and <see cref="ProbeResult"/> apply it when they are made, so no output path
/// (check, the wizard, reports, JSON) can forget it.
/// </summary>
public static partial class EvidenceText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var redacted = text.Contains("://", StringComparison.Ordinal) && text.Contains('@', StringComparison.Ordinal)
            ? UserInfo().Replace(text, "$1***@")
            : text;
        StringBuilder? sb = null;
        for (var i = 0; i < redacted.Length; i++)
        {
            var c = redacted[i];
            if (IsUnsafe(c))
            {
                sb ??= new StringBuilder(redacted, 0, i, redacted.Length + 16);
                sb.Append(c <= '\u00FF'
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? redacted;
    }

    /// <summary>C0 (tab and newline too: a value is one line), DEL, C1, and the Unicode bidi controls.</summary>
    public static bool IsUnsafe(char c) =>
        c < '\u0020' || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029';

    // scheme://user[:password]@ -> scheme://***@ (RFC 3986 §3.2.1; the password is deprecated there for this reason).
    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.\-]*://)[^/@\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
