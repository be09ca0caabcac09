using OobWizard.Core.Files;
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
            if (Read(file, display, ContentLimits.TreeFile, issues) is not { } yaml)
            {
                continue;
            }

            foreach (var node in TreeLoader.LoadFile(display, yaml, issues))
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
                var display = Display(directory, file);
                if (Read(file, display, ContentLimits.Page, issues) is { } page)
                {
                    byId[id] = FrontMatter.Parse(lang, display, page, issues);
                }
            }

            var uiFile = Path.Combine(langDir, "ui.yaml");
            if (FileKinds.Of(uiFile).Kind != FileKind.Missing)
            {
                var display = Display(directory, uiFile);
                uiFiles[lang] = new SourceLocation(display, 1);
                if (Read(uiFile, display, ContentLimits.UiStrings, issues) is { } text)
                {
                    ui[lang] = LoadUi(display, text, issues);
                }
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
        if (stream is null)
        {
            return result;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            issues.Add(new ContentIssue(IssueSeverity.Error, new SourceLocation(display, 1), "ui.yaml is empty: it must map each UI string's key to its text ('key: text')"));
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            var root = stream.Documents[0].RootNode;
            var shape = root is YamlSequenceNode ? "a list" : "a single value";
            issues.Add(new ContentIssue(IssueSeverity.Error, root.At(display), $"ui.yaml is {shape}: it must map each UI string's key to its text ('key: text')"));
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode ks && v is YamlScalarNode vs && ks.Value is { } key)
            {
                result[key] = vs.Value ?? "";
                UiPlaceholders.Check(key, result[key], k.At(display), issues);
            }
            else
            {
                issues.Add(new ContentIssue(IssueSeverity.Error, k.At(display), "ui strings must be 'key: text' pairs"));
            }
        }

        return result;
    }

    /// <summary>A content file's text, or null after an issue naming it (a FIFO, a device, over its cap, unreadable).</summary>
    private static string? Read(string file, string display, ReadLimit limit, List<ContentIssue> issues)
    {
        try
        {
            return InputFile.ReadAllText(file, limit);
        }
        catch (InputFileException ex)
        {
            issues.Add(new ContentIssue(IssueSeverity.Error, new SourceLocation(display, 1), ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ContentIssue(IssueSeverity.Error, new SourceLocation(display, 1), $"cannot read {display}: {ex.Message}"));
        }

        return null;
    }

    private static string Display(string root, string file) =>
        Path.Combine(root, Path.GetRelativePath(root, file));
}
