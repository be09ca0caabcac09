using OobWizard.Core.Tree;
using YamlDotNet.RepresentationModel;

namespace OobWizard.Core.Content;

/// <summary>Loads <c>tree/*.yaml</c>, <c>&lt;lang&gt;/*.md</c> and <c>&lt;lang&gt;/ui.yaml</c> from a content directory.</summary>
public static class ContentLoader
{
    /// <exception cref="ContentNotFoundException">the directory has no tree/ folder.</exception>
    public static ContentSet Load(string directory)
    {
        var treeDir = Path.Combine(directory, "tree");
        if (!Directory.Exists(treeDir))
        {
            throw new ContentNotFoundException($"content directory {directory} has no tree/ folder");
        }

        var issues = new List<ContentIssue>();
        var nodes = new List<Node>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(treeDir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = Display(directory, file);
            foreach (var node in TreeLoader.LoadFile(display, File.ReadAllText(file), issues))
            {
                if (seen.TryGetValue(node.Id, out var first))
                {
                    issues.Add(new ContentIssue(IssueSeverity.Error, node.Source, $"node id '{node.Id}' is defined twice (first at {first})"));
                    continue;
                }

                seen[node.Id] = node.Source;
                nodes.Add(node);
            }
        }

        var texts = new Dictionary<string, IReadOnlyDictionary<string, NodeText>>(StringComparer.Ordinal);
        var ui = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var uiFiles = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var lang in Languages.All)
        {
            var langDir = Path.Combine(directory, lang);
            var byId = new Dictionary<string, NodeText>(StringComparer.Ordinal);
            texts[lang] = byId;
            if (!Directory.Exists(langDir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(langDir, "*.md").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                byId[id] = FrontMatter.Parse(lang, Display(directory, file), File.ReadAllText(file), issues);
            }

            var uiFile = Path.Combine(langDir, "ui.yaml");
            if (File.Exists(uiFile))
            {
                var display = Display(directory, uiFile);
                uiFiles[lang] = new SourceLocation(display, 1);
                ui[lang] = LoadUi(display, File.ReadAllText(uiFile), issues);
            }
        }

        var termFile = Path.Combine(directory, "terms.yaml");
        var terms = File.Exists(termFile) ? TermList.Load(Display(directory, termFile), File.ReadAllText(termFile), issues) : new Dictionary<string, IReadOnlyList<Term>>();
        return new ContentSet(new DecisionTree(nodes), texts, ui, issues, uiFiles) { Terms = terms };
    }

    public static Dictionary<string, string> LoadUi(string display, string text, List<ContentIssue> issues)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var stream = YamlHelpers.TryParse(text, display, 0, issues);
        if (stream?.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode ks && v is YamlScalarNode vs && ks.Value is { } key)
                {
                    result[key] = vs.Value ?? "";
                }
                else
                {
                    issues.Add(new ContentIssue(IssueSeverity.Error, k.At(display), "ui strings must be 'key: text' pairs"));
                }
            }
        }

        return result;
    }

    private static string Display(string root, string file) =>
        Path.Combine(root, Path.GetRelativePath(root, file));
}
