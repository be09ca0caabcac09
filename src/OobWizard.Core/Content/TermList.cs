using OobWizard.Core.Tree;
using YamlDotNet.RepresentationModel;

namespace OobWizard.Core.Content;

/// <summary>
/// Reads <c>content/terms.yaml</c>: for each language a list of <c>{wrong, right, why}</c>. Mistakes
/// become issues with file:line; the loader never throws on bad content.
/// </summary>
public static class TermList
{
    public static Dictionary<string, IReadOnlyList<Term>> Load(string display, string text, List<ContentIssue> issues)
    {
        var result = new Dictionary<string, IReadOnlyList<Term>>(StringComparer.Ordinal);
        var stream = YamlHelpers.TryParse(text, display, 0, issues);
        if (stream is null || stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            issues.Add(Err(stream.Documents[0].RootNode.At(display), "terms.yaml maps each language to a list of {wrong, right, why}"));
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            var lang = (key as YamlScalarNode)?.Value ?? "";
            if (!Languages.All.Contains(lang))
            {
                issues.Add(Err(key.At(display), $"terms.yaml: '{lang}' is not a content language ({string.Join(", ", Languages.All)})"));
                continue;
            }

            if (value is not YamlSequenceNode seq)
            {
                issues.Add(Err(value.At(display), $"terms.yaml: {lang} must be a list of {{wrong, right, why}}"));
                continue;
            }

            var terms = new List<Term>();
            foreach (var item in seq.Children)
            {
                if (item is YamlMappingNode m && m.Scalar("wrong") is { Length: > 0 } wrong && m.Scalar("right") is { Length: > 0 } right)
                {
                    terms.Add(new Term(wrong, right, m.Scalar("why") ?? "", item.At(display)));
                }
                else
                {
                    issues.Add(Err(item.At(display), $"terms.yaml: each {lang} term needs wrong and right"));
                }
            }

            result[lang] = terms;
        }

        return result;
    }

    private static ContentIssue Err(SourceLocation where, string message) => new(IssueSeverity.Error, where, message);
}
