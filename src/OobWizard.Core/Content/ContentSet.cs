using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>The loaded content: the tree, each node's text per language, the UI strings, and what loading found.</summary>
public sealed class ContentSet
{
    public ContentSet(
        DecisionTree tree,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, NodeText>> texts,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ui,
        IReadOnlyList<ContentIssue> loadIssues,
        IReadOnlyDictionary<string, SourceLocation> uiFiles)
    {
        Tree = tree;
        Texts = texts;
        UiStrings = ui;
        LoadIssues = loadIssues;
        UiFiles = uiFiles;
    }

    public DecisionTree Tree { get; }

    /// <summary>language -> node id -> text.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, NodeText>> Texts { get; }

    /// <summary>language -> key -> string.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> UiStrings { get; }

    public IReadOnlyDictionary<string, SourceLocation> UiFiles { get; }

    public IReadOnlyList<ContentIssue> LoadIssues { get; }

    /// <summary>language -> UI string key -> where it is written (ui.yaml or messages.yaml, with its line).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SourceLocation>> UiLocations { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, SourceLocation>>();

    /// <summary>
    /// Where the UI string <paramref name="key"/> of <paramref name="lang"/> is written (file:line); for a key the
    /// language lacks, the file of the same name in that language's folder as the English key's file (line 0), so a
    /// missing message is reported at the messages.yaml it belongs in; else the language's ui.yaml.
    /// </summary>
    public SourceLocation UiLocation(string lang, string key)
    {
        if (UiLocations.TryGetValue(lang, out var keys) && keys.TryGetValue(key, out var at))
        {
            return at;
        }

        var fallback = UiFiles.GetValueOrDefault(lang) ?? SourceLocation.None;
        if (lang != Languages.Default && UiLocations.TryGetValue(Languages.Default, out var en) && en.TryGetValue(key, out var english)
            && Path.GetFileName(english.File) is var name && fallback != SourceLocation.None)
        {
            var folder = Path.GetDirectoryName(fallback.File);
            return new SourceLocation(string.IsNullOrEmpty(folder) ? name : Path.Combine(folder, name), 0);
        }

        return fallback;
    }

    /// <summary>language -> terms that must not be used, with the right one (<c>content/terms.yaml</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<Term>>();

    /// <summary>The node's text in the language, else the English text marked as a fallback, else a stub naming the id.</summary>
    public NodeText Text(string language, string nodeId)
    {
        if (Texts.TryGetValue(language, out var lang) && lang.TryGetValue(nodeId, out var text))
        {
            return text;
        }

        if (Texts.TryGetValue(Languages.Default, out var en) && en.TryGetValue(nodeId, out var fallback))
        {
            return fallback with { IsFallback = language != Languages.Default };
        }

        return new NodeText(language, nodeId, new Dictionary<string, string>(), null, "", SourceLocation.None, 1) { IsFallback = true };
    }

    /// <summary>A choice's label: the node text's, else the UI strings' (fixed/not-fixed), else the id.</summary>
    public string ChoiceLabel(string language, string nodeId, string choiceId)
    {
        var text = Text(language, nodeId);
        if (text.ChoiceLabels.TryGetValue(choiceId, out var label))
        {
            return label;
        }

        if (Text(Languages.Default, nodeId).ChoiceLabels.TryGetValue(choiceId, out var en))
        {
            return en;
        }

        return Ui(language, "choice." + choiceId, choiceId);
    }

    /// <summary>A UI string in the language, else English, else the fallback given.</summary>
    public string Ui(string language, string key, string? fallback = null)
    {
        if (UiStrings.TryGetValue(language, out var lang) && lang.TryGetValue(key, out var s))
        {
            return s;
        }

        if (UiStrings.TryGetValue(Languages.Default, out var en) && en.TryGetValue(key, out var e))
        {
            return e;
        }

        return fallback ?? key;
    }

    /// <summary>
    /// A UI string with {0}-style arguments. A broken translation (a placeholder the program does not
    /// pass; lint reports it) falls back to English, then to the key and the arguments: never a crash.
    /// </summary>
    public string UiFormat(string language, string key, params object?[] args)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return string.Format(culture, Ui(language, key), args);
        }
        catch (FormatException)
        {
        }

        try
        {
            return string.Format(culture, Ui(Languages.Default, key), args);
        }
        catch (FormatException)
        {
            return key + ": " + string.Join(", ", args);
        }
    }
}
