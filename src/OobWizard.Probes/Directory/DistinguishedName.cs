using System.Text;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// Just enough of RFC 4514 distinguished names for the probes: split into RDNs (escapes and quoted values kept
/// intact), compare, and convert between an AD domain's naming context (<c>DC=corp,DC=example,DC=com</c>) and its
/// DNS name (<c>corp.example.com</c>).
/// </summary>
public static class DistinguishedName
{
    /// <summary>The RDNs of <paramref name="dn"/>, leaf first, each as written (<c>OU=AMT</c>), trimmed.</summary>
    /// <exception cref="FormatException">an RDN without '=' or a dangling escape.</exception>
    public static IReadOnlyList<string> Split(string dn)
    {
        ArgumentNullException.ThrowIfNull(dn);
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(dn)) return parts;
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < dn.Length; i++)
        {
            var c = dn[i];
            if (c == '\\')
            {
                if (i + 1 >= dn.Length) throw new FormatException($"'{dn}' ends in a lone '\\'");
                current.Append(c).Append(dn[++i]);
                continue;
            }

            if (c == '"') quoted = !quoted;
            if ((c == ',' || c == ';') && !quoted)
            {
                parts.Add(Rdn(current.ToString(), dn));
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        if (quoted) throw new FormatException($"'{dn}' has an unclosed quote");
        parts.Add(Rdn(current.ToString(), dn));
        return parts;
    }

    /// <summary>True when <paramref name="dn"/> parses as a DN (at least one RDN, each type=value).</summary>
    public static bool IsValid(string? dn)
    {
        if (string.IsNullOrWhiteSpace(dn)) return false;
        try
        {
            return Split(dn).Count > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The RDN's attribute value, unescaped (<c>OU=Retired AMT</c> -> <c>Retired AMT</c>).</summary>
    public static string Value(string rdn)
    {
        var eq = rdn.IndexOf('=', StringComparison.Ordinal);
        var raw = rdn[(eq + 1)..].Trim();
        if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"') raw = raw[1..^1];
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                if (i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]))
                {
                    sb.Append((char)Convert.ToByte(raw.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    sb.Append(raw[++i]);
                }

                continue;
            }

            sb.Append(raw[i]);
        }

        return sb.ToString();
    }

    /// <summary>The RDN's attribute type, upper case (<c>ou=AMT</c> -> <c>OU</c>).</summary>
    public static string Type(string rdn) => rdn[..rdn.IndexOf('=', StringComparison.Ordinal)].Trim().ToUpperInvariant();

    /// <summary>The trailing DC= components as a DNS name (<c>OU=AMT,DC=corp,DC=example,DC=com</c> -> <c>corp.example.com</c>); null when there are none.</summary>
    public static string? DomainOf(string dn)
    {
        var labels = Split(dn).Reverse().TakeWhile(r => Type(r) == "DC").Select(Value).Reverse().ToList();
        return labels.Count == 0 ? null : string.Join('.', labels).ToLowerInvariant();
    }

    /// <summary>The naming context of a DNS domain name (<c>corp.example.com</c> -> <c>DC=corp,DC=example,DC=com</c>).</summary>
    public static string FromDomain(string dnsName) =>
        string.Join(',', dnsName.Trim().TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries).Select(l => "DC=" + EscapeValue(l)));

    /// <summary>The DN without its leaf RDN; empty for a single RDN.</summary>
    public static string Parent(string dn) => string.Join(',', Split(dn).Skip(1));

    /// <summary>Compares two DNs RDN by RDN, ignoring case and spaces around separators (as AD does for these names).</summary>
    public static bool Equal(string? a, string? b)
    {
        if (a is null || b is null) return a is null && b is null;
        try
        {
            var x = Split(a);
            var y = Split(b);
            return x.Count == y.Count && x.Zip(y).All(p => Type(p.First) == Type(p.Second) && string.Equals(Value(p.First), Value(p.Second), StringComparison.OrdinalIgnoreCase));
        }
        catch (FormatException)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>True when <paramref name="dn"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsUnder(string dn, string ancestor)
    {
        var d = Split(dn);
        var a = Split(ancestor);
        return d.Count >= a.Count && Equal(string.Join(',', d.Skip(d.Count - a.Count)), ancestor);
    }

    /// <summary>RFC 4514 §2.4 escaping of one attribute value.</summary>
    public static string EscapeValue(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '='
                || (i == 0 && (c == ' ' || c == '#'))
                || (i == value.Length - 1 && c == ' ');
            if (special) sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Rdn(string text, string dn)
    {
        var rdn = text.Trim();
        if (rdn.IndexOf('=', StringComparison.Ordinal) <= 0) throw new FormatException($"'{dn}': '{rdn}' is not type=value");
        return rdn;
    }
}
