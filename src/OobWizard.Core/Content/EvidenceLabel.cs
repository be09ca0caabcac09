namespace OobWizard.Core.Content;

/// <summary>
/// The message key of an evidence row's label ("TLS problems" → <c>evidence.label.tls-problems</c> in messages.yaml).
/// A fixed English label is its own id: the key is <see cref="Prefix"/> plus its slug (lower case, each run of other
/// characters than a-z and 0-9 one '-'), so sessions saved before keys existed still show their labels translated. A
/// label built from parts ("PTR 192.0.2.1") names its key and arguments where the probe makes it.
/// </summary>
public static class EvidenceLabel
{
    /// <summary>The key prefix of every evidence label.</summary>
    public const string Prefix = "evidence.label.";

    /// <summary>The key of the fixed English label <paramref name="name"/>: "SHA-1 (as the MEBx shows it)" → <c>evidence.label.sha-1-as-the-mebx-shows-it</c>.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new System.Text.StringBuilder(Prefix, Prefix.Length + name.Length);
        var dash = false;
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (dash && sb.Length > Prefix.Length) sb.Append('-');
                dash = false;
                sb.Append(c);
            }
            else
            {
                dash = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>The key prefix of a value our own code writes as fixed English words ("enabled", "(none)").</summary>
    public const string ValuePrefix = "evidence.value.";

    /// <summary>
    /// The key of the fixed English value <paramref name="value"/>: "closed (refused)" → <c>evidence.value.closed-refused</c>;
    /// a value in parentheses gets "paren-" ("(none)" → <c>evidence.value.paren-none</c>, apart from "none").
    /// </summary>
    public static string ValueKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var paren = value.Length > 1 && value[0] == '(' && value[^1] == ')';
        return ValuePrefix + (paren ? "paren-" : "") + Key(value)[Prefix.Length..];
    }

    /// <summary>
    /// The label in the language <paramref name="format"/> speaks: <paramref name="key"/> (else <see cref="Key"/> of
    /// <paramref name="name"/>) with <paramref name="args"/> when <paramref name="has"/> says English has the key, else the English
    /// <paramref name="name"/> as it stands (a label no key was written for yet).
    /// </summary>
    public static string Format(Func<string, object?[], string> format, Func<string, bool> has, string name, string? key, IReadOnlyList<string>? args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(has);
        ArgumentNullException.ThrowIfNull(name);
        var k = key ?? Key(name);
        return has(k) ? KeyedText.Format(format, k, args ?? []) : name;
    }
}
