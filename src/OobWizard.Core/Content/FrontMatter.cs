using OobWizard.Core.Tree;
using YamlDotNet.RepresentationModel;

namespace OobWizard.Core.Content;

/// <summary>Splits "---\nYAML\n---\nbody" and reads the node text's front matter fields.</summary>
public static class FrontMatter
{
    private static readonly string[] KnownKeys = ["title", "choices", "verify", "sources"];

    public static NodeText Parse(string language, string file, string text, List<ContentIssue> issues)
    {
        text = text.Replace("\r\n", "\n");
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        string title = "";
        string? verify = null;
        var sources = new List<string>();
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            issues.Add(new ContentIssue(IssueSeverity.Error, new SourceLocation(file, 1), "missing front matter (a '---' line, YAML with title, then '---')"));
            return new NodeText(language, "", labels, null, text, new SourceLocation(file, 1), 1);
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var endAtEof = end < 0 && text.EndsWith("\n---", StringComparison.Ordinal);
        if (end < 0 && !endAtEof)
        {
            issues.Add(new ContentIssue(IssueSeverity.Error, new SourceLocation(file, 1), "front matter is not closed by a '---' line"));
            return new NodeText(language, "", labels, null, "", new SourceLocation(file, 1), 1);
        }

        if (endAtEof)
        {
            end = text.Length - 4;
        }

        var yaml = text[4..(end + 1)];
        var body = endAtEof ? "" : text[(end + 5)..];
        var bodyLine = yaml.Count(c => c == '\n') + 3;
        var stream = YamlHelpers.TryParse(yaml, file, 1, issues);
        if (stream?.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
            {
                if (!KnownKeys.Contains(key.Value))
                {
                    issues.Add(new ContentIssue(IssueSeverity.Error, key.At(file, 1), $"unknown front matter key '{key.Value}'"));
                }
            }

            title = map.Scalar("title") ?? "";
            verify = map.Scalar("verify");
            if (map.Child("choices") is YamlMappingNode cm)
            {
                foreach (var (k, v) in cm.Children)
                {
                    if (k is YamlScalarNode ks && v is YamlScalarNode vs && ks.Value is { } key && vs.Value is { } val)
                    {
                        labels[key] = val;
                    }
                }
            }
            else if (map.Child("choices") is { } other)
            {
                issues.Add(new ContentIssue(IssueSeverity.Error, other.At(file, 1), "choices must map each choice id to its label"));
            }

            if (map.Child("sources") is YamlSequenceNode sourceList)
            {
                sources.AddRange(sourceList.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").Where(v => v.Length > 0));
            }
            else if (map.Child("sources") is { } notList)
            {
                issues.Add(new ContentIssue(IssueSeverity.Error, notList.At(file, 1), "sources must be a list (where the facts come from)"));
            }
        }

        return new NodeText(language, title, labels, verify, body, new SourceLocation(file, 1), bodyLine) { Sources = sources };
    }
}
