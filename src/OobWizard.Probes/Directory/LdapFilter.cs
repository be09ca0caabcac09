using System.Text;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>RFC 4515 §3 escaping for values put into a search filter (<c>PC01$iME</c> needs none; <c>a*b</c> becomes <c>a\2ab</c>).</summary>
public static class LdapFilter
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (byte)'*' or (byte)'(' or (byte)')' or (byte)'\\' or 0 || b >= 0x80)
            {
                sb.Append('\\').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.ToString();
    }

    /// <summary>Binary values such as objectSid as a filter value (<c>\01\05...</c>).</summary>
    public static string EscapeBytes(ReadOnlySpan<byte> value)
    {
        var sb = new StringBuilder(value.Length * 3);
        foreach (var b in value)
        {
            sb.Append('\\').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
