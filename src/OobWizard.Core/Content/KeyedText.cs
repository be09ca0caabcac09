namespace OobWizard.Core.Content;

/// <summary>
/// A message key with {0}-style arguments, where an argument can itself be a message (a probe's reason inside its
/// summary): such an argument starts with <see cref="Marker"/>, then the key and each argument separated by
/// <see cref="Separator"/>. Both are control characters no host name, address or device text carries as is (device
/// text is cleaned of them before it becomes an argument).
/// </summary>
public static class KeyedText
{
    /// <summary>Starts an argument that is itself a message.</summary>
    public const char Marker = '\u001F';

    /// <summary>Separates the key and the arguments of a nested message.</summary>
    public const char Separator = '\u001E';

    /// <summary>The encoding of <paramref name="key"/> with <paramref name="args"/> as one argument of another message.</summary>
    public static string Encode(string key, IEnumerable<string> args) =>
        Marker + string.Join(Separator, [key, .. args.Select(a => a.Replace(Separator, ' ').Replace(Marker, ' '))]);

    /// <summary>The key and arguments of an argument made by <see cref="Encode"/>, or false for a plain value.</summary>
    public static bool TryDecode(string arg, out string key, out string[] args)
    {
        ArgumentNullException.ThrowIfNull(arg);
        key = "";
        args = [];
        if (arg.Length < 2 || arg[0] != Marker) return false;
        var parts = arg[1..].Split(Separator);
        key = parts[0];
        args = parts[1..];
        return true;
    }

    /// <summary><paramref name="key"/> said by <paramref name="format"/> with <paramref name="args"/>, each nested message said first.</summary>
    public static string Format(Func<string, object?[], string> format, string key, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        return format(key, [.. args.Select(a => TryDecode(a, out var k, out var inner) ? Format(format, k, inner) : a)]);
    }

    /// <summary>Every key <paramref name="key"/> with <paramref name="args"/> uses: itself, then those of its nested messages, with their argument counts.</summary>
    public static IEnumerable<(string Key, int ArgCount)> Keys(string key, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        yield return (key, args.Count);
        foreach (var a in args)
        {
            if (TryDecode(a, out var k, out var inner))
            {
                foreach (var nested in Keys(k, inner)) yield return nested;
            }
        }
    }
}
