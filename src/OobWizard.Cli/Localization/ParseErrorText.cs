using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace OobWizard.Cli.Localization;

/// <summary>
/// A parse error on one line in the run's language. System.CommandLine words its own errors from its
/// resources (partly translated to de and ja); the command line is parsed under the invariant UI culture
/// so they come in English, are recognised here by their English templates (<c>parse.NAME</c> in
/// en/messages.yaml, equal to System.CommandLine's resource NAME: a test keeps them equal) and re-worded
/// from the same key in the run's language. A list argument ("Must be one of: …") becomes one line, a .NET
/// type name a word, and the option the error belongs to is named first when the message does not name it.
/// Errors of our own validators are in the language already and pass as they are.
/// </summary>
public static partial class ParseErrorText
{
    /// <summary>System.CommandLine 2.0's resource names of the errors a user can meet.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "UnrecognizedCommandOrArgument", "UnrecognizedArgument", "OptionRequiredArgumentMissing",
        "CommandRequiredArgumentMissing", "RequiredCommandWasNotProvided", "RequiredOptionWasNotProvided",
        "ArgumentConversionCannotParseForOption", "ArgumentConversionCannotParseForCommand", "ArgumentConversionCannotParse",
        "OptionExpectsOneArgument", "VersionOptionCannotBeCombinedWithOtherArguments", "ResponseFileNotFound",
        "ErrorReadingResponseFile", "SuggestionsTokenNotMatched",
    ];

    public static string Of(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var messages = Messages.Current;
        foreach (var name in Names)
        {
            var key = "parse." + name;
            if (messages.English(key) is not { } template || Match(template, message) is not { } args)
            {
                continue;
            }

            var text = messages.Format(key, [.. args.Select(Simplify)]);
            return error.SymbolResult is OptionResult { Option.Name: var option } && !text.Contains(option, StringComparison.Ordinal)
                ? option + ": " + text
                : text;
        }

        return message.ReplaceLineEndings(" ");
    }

    /// <summary>The placeholders' values if <paramref name="message"/> is <paramref name="template"/> filled in, else null.</summary>
    internal static string[]? Match(string template, string message)
    {
        var pattern = "^" + Placeholder().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "(?<p$1>.*?)") + "$";
        var match = Regex.Match(message, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return null;
        }

        var count = Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        return [.. Enumerable.Range(0, count).Select(i => match.Groups["p" + i] is { Success: true } g ? g.Value : "")];
    }

    /// <summary>A list on tab-indented lines becomes "a, b, c"; a .NET type name a word of the language.</summary>
    private static string Simplify(string arg)
    {
        if (arg.Contains('\n', StringComparison.Ordinal))
        {
            return " " + string.Join(", ", arg.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var type = arg.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? arg["System.Nullable`1[".Length..^1] : arg;
        return type switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt16" => Messages.Current.Format("parse.type.integer"),
            "System.Double" or "System.Single" or "System.Decimal" => Messages.Current.Format("parse.type.number"),
            "System.Boolean" => "true/false",
            _ => arg,
        };
    }

    [GeneratedRegex(@"\\?\{(\d+)\}")]
    private static partial Regex Placeholder();
}
