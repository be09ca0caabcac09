using OobWizard.Core.Content;

namespace OobWizard.Cli.Localization;

/// <summary>
/// The run's language and content folder, found before the command tree is built (its descriptions
/// are in that language): <c>--lang X</c>, <c>--lang=X</c> or <c>--lang:X</c> anywhere before <c>--</c>,
/// else LC_ALL/LC_MESSAGES/LANG (<see cref="Languages.FromEnvironment"/>); an unknown --lang value
/// counts as not given (the parser then reports it, in the environment's language).
/// </summary>
public sealed record RunLanguage(string Language, string? Content)
{
    /// <summary>Scans <paramref name="args"/> once, without parsing them: a few string comparisons on the startup path.</summary>
    public static RunLanguage Of(IReadOnlyList<string> args, Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(env);
        string? lang = null;
        string? content = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            if (Value(args, ref i, "--lang") is { } l)
            {
                lang = l;
            }
            else if (Value(args, ref i, "--content") is { } c)
            {
                content = c;
            }
        }

        return new RunLanguage(Languages.IsKnown(lang) ? lang! : Languages.FromEnvironment(env), content);
    }

    /// <summary>The value of <paramref name="name"/> at <paramref name="i"/> (moving past a separate value), else null.</summary>
    private static string? Value(IReadOnlyList<string> args, ref int i, string name)
    {
        var arg = args[i];
        if (arg == name)
        {
            if (i + 1 < args.Count)
            {
                i++;
                return args[i];
            }

            return null;
        }

        return arg.Length > name.Length + 1 && arg.StartsWith(name, StringComparison.Ordinal) && arg[name.Length] is '=' or ':'
            ? arg[(name.Length + 1)..]
            : null;
    }
}
