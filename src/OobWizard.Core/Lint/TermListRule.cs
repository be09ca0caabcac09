using System.Text.RegularExpressions;
using OobWizard.Core.Content;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Lint;

/// <summary>
/// A wrong term in a language's prose is an error naming the right one (<c>content/terms.yaml</c>):
/// titles, answers, the verification question, the body and the UI strings are checked; code
/// (inline and fenced), where facts such as log lines and commands stay as they are, is not.
/// </summary>
internal static partial class TermListRule
{
    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    public static void Check(ContentSet content, List<ContentIssue> issues)
    {
        foreach (var (lang, terms) in content.Terms)
        {
            if (terms.Count == 0)
            {
                continue;
            }

            if (content.Texts.TryGetValue(lang, out var texts))
            {
                foreach (var text in texts.Values.OrderBy(t => t.Source.File, StringComparer.Ordinal))
                {
                    var front = new[] { text.Title, text.Verify ?? "" }.Concat(text.ChoiceLabels.Values);
                    foreach (var line in front)
                    {
                        Find(line, terms, lang, text.Source, issues);
                    }

                    var fenced = false;
                    var lines = text.Body.Split('\n');
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                        {
                            fenced = !fenced;
                            continue;
                        }

                        if (!fenced)
                        {
                            Find(lines[i], terms, lang, new SourceLocation(text.Source.File, text.BodyLine + i), issues);
                        }
                    }
                }
            }

            if (content.UiStrings.TryGetValue(lang, out var ui))
            {
                foreach (var (key, value) in ui)
                {
                    Find(value, terms, lang, content.UiLocation(lang, key), issues);
                }
            }
        }
    }

    private static void Find(string prose, IReadOnlyList<Term> terms, string lang, SourceLocation where, List<ContentIssue> issues)
    {
        var text = InlineCode().Replace(prose, " ");
        foreach (var term in terms)
        {
            if (text.Contains(term.Wrong, StringComparison.OrdinalIgnoreCase))
            {
                var why = term.Reason.Length > 0 ? $" ({term.Reason})" : "";
                issues.Add(new ContentIssue(IssueSeverity.Error, where, $"[{lang}] \"{term.Wrong}\": use \"{term.Right}\"{why}"));
            }
        }
    }
}
