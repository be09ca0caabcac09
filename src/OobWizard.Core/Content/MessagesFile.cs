using OobWizard.Core.Files;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>
/// <c>&lt;lang&gt;/messages.yaml</c>: the sentences the commands print (check, scan, lab, cert, logs,
/// report, probe summaries, error lines), kept apart from the wizard's <c>ui.yaml</c>. Same shape
/// ('key: text', {0}-style placeholders) and read limit; its keys join the language's UI strings,
/// so the linter's missing-translation rule and <see cref="ContentSet.UiFormat"/> cover them.
/// </summary>
public static class MessagesFile
{
    /// <summary>The file name inside a language folder.</summary>
    public const string Name = "messages.yaml";

    /// <summary>Reads <paramref name="lang"/>/messages.yaml (when present) into <paramref name="ui"/>; a key also in ui.yaml is an error naming the file.</summary>
    /// <param name="locations">Where each key is (file:line), filled for the keys read; null to skip.</param>
    public static void Merge(IContentSource source, string lang, Dictionary<string, IReadOnlyDictionary<string, string>> ui, List<ContentIssue> issues, Dictionary<string, SourceLocation>? locations = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ui);
        var file = lang + "/" + Name;
        var here = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (Read(source, file, issues, here) is not { } messages)
        {
            return;
        }

        var display = source.Display(file);
        var merged = ui.TryGetValue(lang, out var existing) ? new Dictionary<string, string>(existing, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in messages)
        {
            var at = here.GetValueOrDefault(key) ?? new SourceLocation(display, 1);
            if (!merged.TryAdd(key, text))
            {
                issues.Add(new ContentIssue(IssueSeverity.Error, at, $"message '{key}' is also in {lang}/ui.yaml; keep it in one file"));
            }
            else if (locations is not null)
            {
                locations[key] = at;
            }
        }

        ui[lang] = merged;
    }

    /// <summary>The key -> text map of <paramref name="file"/>, or null when it is absent or unreadable (an issue says why).</summary>
    public static Dictionary<string, string>? Read(IContentSource source, string file, List<ContentIssue> issues) => Read(source, file, issues, null);

    /// <summary>As <see cref="Read(IContentSource, string, List{ContentIssue})"/>, recording each key's file:line in <paramref name="locations"/>.</summary>
    public static Dictionary<string, string>? Read(IContentSource source, string file, List<ContentIssue> issues, Dictionary<string, SourceLocation>? locations)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.Exists(file))
        {
            return null;
        }

        var display = source.Display(file);
        try
        {
            return ContentLoader.LoadUi(display, source.ReadAllText(file, ContentLimits.UiStrings), issues, locations);
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
