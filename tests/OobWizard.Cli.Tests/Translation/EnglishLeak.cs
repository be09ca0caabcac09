using System.Text.RegularExpressions;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// The English sentences of content/en/messages.yaml, cut at their placeholders into fragments of two
/// words or more; a de or ja output that holds one of them shows English. Fragments that the
/// language's own messages hold too (commands, option names, "JSON Lines") do not count.
/// </summary>
public static partial class EnglishLeak
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(() => Read("en"));

    public static IReadOnlyDictionary<string, string> Read(string lang)
    {
        var issues = new List<ContentIssue>();
        var map = MessagesFile.Read(new FolderContentSource(Repo.Content), lang + "/" + MessagesFile.Name, issues);
        Assert.Empty(issues);
        return map!;
    }

    /// <summary>The English fragments that <paramref name="lang"/> never uses itself.</summary>
    public static IReadOnlyList<string> Fragments(string lang)
    {
        var own = string.Join("\n", Read(lang).Values);
        return [.. English.Value.Values
            .SelectMany(v => Placeholder().Split(v))
            .Select(f => f.Trim(' ', ',', ';', ':', '(', ')', '.', '"', '\''))
            .Where(f => f.Length >= 10 && f.Contains(' ', StringComparison.Ordinal) && Word().IsMatch(f))
            .Where(f => !own.Contains(f, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Fails naming the first English fragment found in <paramref name="output"/>.</summary>
    public static void AssertNone(string lang, string output, string what)
    {
        var leaks = Fragments(lang).Where(f => output.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"{what} [{lang}] shows English: '{string.Join("', '", leaks)}'\n{output}");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[a-z]{3,} [a-z]{2,}")]
    private static partial Regex Word();
}
