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

    /// <summary>
    /// English function words that German and Japanese sentences never use as words of their own. A hard-coded
    /// English sentence (one that never went through messages.yaml, so <see cref="AssertNone"/> cannot know it)
    /// almost always holds one of them.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "is", "are", "was", "were", "not", "and", "with", "from", "this", "that", "these", "those", "could",
        "cannot", "which", "have", "has", "been", "does", "did", "into", "found", "when", "than", "there", "its",
        "it", "be", "or", "by", "for", "on", "at", "to", "of", "no", "you", "your", "give", "use", "run", "see",
    };

    /// <summary>
    /// Fails naming the English words found in <paramref name="output"/> outside what may stay English: each of
    /// <paramref name="allowed"/> (log lines, evidence a device sent, host names) is cut out first; then tokens that hold
    /// one of <c>-./\:=@_&lt;&gt;[]{}|*'`"</c> or a digit (options, paths, commands, keys, versions, quoted text) do not count.
    /// What is left may not hold an English function word as a whole word (e.g. "the", "not", "found").
    /// </summary>
    public static void AssertNoEnglishWords(string lang, string output, string what, params string[] allowed)
    {
        var text = allowed.Where(a => a.Length > 0).OrderByDescending(a => a.Length)
            .Aggregate(output, (t, a) => t.Replace(a, " ", StringComparison.Ordinal));
        var words = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            foreach (var token in line.Split([' ', '\t', '\r', ',', ';', '(', ')', '!', '?', '\u3001', '\u3002', '\uFF08', '\uFF09'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.IndexOfAny("-./\\:=@_<>[]{}|*'`\"0123456789".ToCharArray()) < 0 && FunctionWords.Contains(token))
                {
                    words.Add($"'{token}' in \"{line.Trim()}\"");
                }
            }
        }

        Assert.True(words.Count == 0, $"{what} [{lang}] shows English words: {string.Join("; ", words.Distinct().Take(8))}\n{output}");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[a-z]{3,} [a-z]{2,}")]
    private static partial Regex Word();
}
