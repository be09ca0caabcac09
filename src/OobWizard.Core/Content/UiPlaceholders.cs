using System.Globalization;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>
/// Lint rule for the placeholders of UI strings: a string the program formats must be a valid .NET
/// composite format (<c>{0</c>, a lone <c>}</c> or <c>{x}</c> are errors; <c>{{</c> is a literal brace)
/// and use only the arguments the program passes (<see cref="UiArguments"/>): <c>{5}</c> in a string
/// that gets one argument would stop the wizard with a FormatException. Strings shown as they are
/// (no arguments) are not formatted, so their braces are text.
/// </summary>
public static class UiPlaceholders
{
    /// <summary>Checks one string of a ui.yaml; <paramref name="where"/> is the key's file:line.</summary>
    public static void Check(string key, string text, SourceLocation where, List<ContentIssue> issues)
    {
        if (!UiArguments.Count.TryGetValue(key, out var count))
        {
            return;
        }

        if (Problem(text, count) is { } problem)
        {
            issues.Add(new ContentIssue(IssueSeverity.Error, where, $"UI string '{key}': {problem}"));
        }
    }

    /// <summary>What is wrong with <paramref name="format"/> given <paramref name="count"/> arguments, or null.</summary>
    public static string? Problem(string format, int count)
    {
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    i += 2;
                    continue;
                }

                return $"a lone '}}' at character {i + 1} (write '}}}}' for a brace)";
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                i += 2;
                continue;
            }

            var close = format.IndexOf('}', i + 1);
            if (close < 0)
            {
                return $"the placeholder at character {i + 1} is not closed (write '{{{{' for a brace)";
            }

            var inner = format[(i + 1)..close];
            var end = inner.IndexOfAny([',', ':']);
            var index = (end < 0 ? inner : inner[..end]).Trim();
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return $"'{{{inner}}}' is not a placeholder like {{0}} (write '{{{{' for a brace)";
            }

            if (n >= count)
            {
                return count == 1
                    ? $"'{{{inner}}}' names argument {n}, but the program passes one argument, {{0}}"
                    : $"'{{{inner}}}' names argument {n}, but the program passes {count}: {{0}} to {{{count - 1}}}";
            }

            // Alignment and format parts are checked by formatting with the right number of arguments.
            try
            {
                _ = string.Format(CultureInfo.InvariantCulture, "{" + inner + "}", new object?[count]);
            }
            catch (FormatException)
            {
                return $"'{{{inner}}}' is not a valid placeholder";
            }

            i = close + 1;
        }

        return null;
    }
}
