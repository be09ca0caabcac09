using System.Text.RegularExpressions;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>
/// Lint rule: a translated string uses the same placeholders ({0}, {1:0.0}, ... by index) as its
/// English original. One that drops {1} hides a host or a count from the user; one that adds {2}
/// names an argument the program may not pass. Missing keys are reported by the linter's UI rule.
/// </summary>
public static partial class MessageParityRule
{
    public static void Check(ContentSet content, List<ContentIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(issues);
        if (!content.UiStrings.TryGetValue(Languages.Default, out var en))
        {
            return;
        }

        foreach (var lang in Languages.All.Where(l => l != Languages.Default))
        {
            if (!content.UiStrings.TryGetValue(lang, out var strings))
            {
                continue;
            }

            foreach (var (key, english) in en)
            {
                if (!strings.TryGetValue(key, out var translated))
                {
                    continue;
                }

                var want = Placeholders(english);
                var got = Placeholders(translated);
                if (!want.SetEquals(got))
                {
                    issues.Add(new ContentIssue(IssueSeverity.Error, content.UiLocation(lang, key),
                        $"UI string '{key}' [{lang}] uses placeholders {Show(got)}, English uses {Show(want)}"));
                }
            }
        }
    }

    /// <summary>The argument indexes a composite format names ({{ and }} are literal braces).</summary>
    public static SortedSet<int> Placeholders(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var set = new SortedSet<int>();
        foreach (Match m in PlaceholderPattern().Matches(format.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal)))
        {
            set.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return set;
    }

    private static string Show(SortedSet<int> set) => set.Count == 0 ? "none" : string.Join(" ", set.Select(i => "{" + i + "}"));

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
