using OobWizard.Core.Tree;
using YamlDotNet.RepresentationModel;

namespace OobWizard.Core.Content;

/// <summary>Small helpers over YamlDotNet's representation model, which keeps line numbers.</summary>
internal static class YamlHelpers
{
    public static SourceLocation At(this YamlNode node, string file, int lineOffset = 0) =>
        new(file, (int)node.Start.Line + lineOffset);

    public static string? Scalar(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    public static YamlNode? Child(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public static YamlStream? TryParse(string text, string file, int lineOffset, List<ContentIssue> issues)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            issues.Add(new ContentIssue(IssueSeverity.Error, new SourceLocation(file, (int)ex.Start.Line + lineOffset), "YAML: " + FirstLine(ex.Message)));
            return null;
        }
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return i < 0 ? s : s[..i];
    }
}
