using System.Globalization;

namespace OobWizard.Probes;

/// <summary>
/// One line our code says about a probe (a reason, a stop, a problem), in English (<see cref="Text"/>) and as a message
/// key of <c>&lt;lang&gt;/messages.yaml</c> with its {0}-style arguments, so a front end can say it in the user's language.
/// Passed as an argument of <see cref="ProbeResult.Keyed"/>, it becomes a nested message (<see cref="Encode"/>).
/// </summary>
public sealed record ProbeLine(string Text, string Key, IReadOnlyList<string> Args)
{
    /// <summary>Starts an argument that is itself a message: key, then each argument, separated by <see cref="Separator"/>.</summary>
    public const char Marker = '\u001F';

    /// <summary>Separates the key and the arguments of a nested message.</summary>
    public const char Separator = '\u001E';

    /// <summary>A line with its English text, key and arguments (numbers as invariant text; a nested <see cref="ProbeLine"/> encoded).</summary>
    public static ProbeLine Of(string key, string text, params object?[] args) => new(text, key, [.. args.Select(Arg)]);

    /// <summary>This line as one argument of another message.</summary>
    public string Encode() => Marker + string.Join(Separator, [Key, .. Args.Select(a => a.Replace(Separator, ' ').Replace(Marker, ' '))]);

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

    /// <summary>An argument as invariant text; a <see cref="ProbeLine"/> as its encoding.</summary>
    public static string Arg(object? value) => value switch
    {
        ProbeLine line => line.Encode(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
