using System.Text.RegularExpressions;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// The help pages (help/&lt;lang&gt;/*.md, shown by `oobwizard help TOPIC`) use the same terms as the guidance:
/// content/terms.yaml, which lint applies to the content and the messages, holds for them too (prose only; code
/// spans and fenced blocks keep commands and log text as they are).
/// </summary>
public sealed partial class HelpTermTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public void Help_pages_use_the_term_list(string lang)
    {
        var issues = new List<ContentIssue>();
        var terms = TermList.Load("terms.yaml", File.ReadAllText(Path.Combine(Repo.Content, "terms.yaml")), issues).GetValueOrDefault(lang) ?? [];
        Assert.Empty(issues);
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "help", lang), "*.md").Order(StringComparer.Ordinal))
        {
            var fenced = false;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                    continue;
                }

                var prose = fenced ? CodeComment().Match(lines[i]).Value : InlineCode().Replace(lines[i], " ");
                found.AddRange(terms.Where(t => prose.Contains(t.Wrong, StringComparison.OrdinalIgnoreCase))
                    .Select(t => $"{Path.GetFileName(file)}:{i + 1}: \"{t.Wrong}\" -> \"{t.Right}\""));
            }
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    // A comment in an example ("oobwizard --offline   # no checks") is prose too.
    [GeneratedRegex("#.*$")]
    private static partial Regex CodeComment();
}
