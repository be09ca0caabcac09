using OobWizard.Core.Files;
using OobWizard.Core.Tree;
using YamlDotNet.RepresentationModel;

namespace OobWizard.Core.Content;

/// <summary>
/// Loads <c>tree/*.yaml</c>, <c>&lt;lang&gt;/*.md</c> and <c>&lt;lang&gt;/ui.yaml</c> from a content
/// folder or from the content embedded in the program: one loader and the same caps for both.
/// </summary>
public static class ContentLoader
{
    /// <exception cref="ContentNotFoundException">the directory has no tree/ folder.</exception>
    public static ContentSet Load(string directory) => Load(new FolderContentSource(directory));

    /// <exception cref="ContentNotFoundException">the source has no tree/ folder.</exception>
    public static ContentSet Load(IContentSource source)
    {
        if (!source.HasFolder("tree"))
        {
            throw new ContentNotFoundException(source is EmbeddedContentSource
                ? "this build of oobwizard has no embedded content (pass --content DIR)"
                : $"content directory {source.Root} has no tree/ folder");
        }

        var issues = new List<ContentIssue>();
        var nodes = new List<Node>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in source.Files("tree", ".yaml"))
        {
            var display = source.Display(file);
            if (Read(source, file, display, ContentLimits.TreeFile, issues) is not { } yaml)
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
        var uiLocations = new Dictionary<string, IReadOnlyDictionary<string, SourceLocation>>(StringComparer.Ordinal);
        foreach (var lang in Languages.All)
        {
            var byId = new Dictionary<string, NodeText>(StringComparer.Ordinal);
            texts[lang] = byId;
            if (!source.HasFolder(lang))
            {
                continue;
            }

            foreach (var file in source.Files(lang, ".md"))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                var display = source.Display(file);
                if (Read(source, file, display, ContentLimits.Page, issues) is { } page)
                {
                    byId[id] = FrontMatter.Parse(lang, display, page, issues);
                }
            }

            var keyLocations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            uiLocations[lang] = keyLocations;
            var uiFile = lang + "/ui.yaml";
            if (source.Exists(uiFile))
            {
                var display = source.Display(uiFile);
                uiFiles[lang] = new SourceLocation(display, 1);
                if (Read(source, uiFile, display, ContentLimits.UiStrings, issues) is { } text)
                {
                    ui[lang] = LoadUi(display, text, issues, keyLocations);
                }
            }

            MessagesFile.Merge(source, lang, ui, issues, keyLocations);
        }

        IReadOnlyDictionary<string, IReadOnlyList<Term>> terms = new Dictionary<string, IReadOnlyList<Term>>();
        const string termFile = "terms.yaml";
        if (source.Exists(termFile) && Read(source, termFile, source.Display(termFile), ContentLimits.UiStrings, issues) is { } termText)
        {
            terms = TermList.Load(source.Display(termFile), termText, issues);
        }

        return new ContentSet(new DecisionTree(nodes), texts, ui, issues, uiFiles) { Terms = terms, UiLocations = uiLocations };
    }

    public static Dictionary<string, string> LoadUi(string display, string text, List<ContentIssue> issues) =>
        LoadUi(display, text, issues, locations: null);

    /// <summary>As <see cref="LoadUi(string, string, List{ContentIssue})"/>, and records each key's file:line in <paramref name="locations"/>.</summary>
    public static Dictionary<string, string> LoadUi(string display, string text, List<ContentIssue> issues, Dictionary<string, SourceLocation>? locations)
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
                if (locations is not null)
                {
                    locations[key] = k.At(display);
                }
            }
            else
            {
                issues.Add(new ContentIssue(IssueSeverity.Error, k.At(display), "ui strings must be 'key: text' pairs"));
            }
        }

        return result;
    }

    /// <summary>A content file's text, or null after an issue naming it (a FIFO, a device, over its cap, unreadable).</summary>
    private static string? Read(IContentSource source, string file, string display, ReadLimit limit, List<ContentIssue> issues)
    {
        try
        {
            return source.ReadAllText(file, limit);
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
}
