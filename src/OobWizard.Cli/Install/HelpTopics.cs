using Markdig.Renderers.Html;
using Markdig.Syntax;
using OobWizard.Core.Content;
using OobWizard.Core.Files;

namespace OobWizard.Cli.Install;

/// <summary>
/// The <c>oobwizard help TOPIC</c> pages: Markdown per language in <c>help/&lt;lang&gt;/&lt;topic&gt;.md</c>,
/// compiled into the executable (they describe this build, so a content override folder does not
/// replace them). A page starts with a <c>#</c> heading (its title in the topic list); a command's
/// page has a <c>{#examples}</c> section whose code block <c>--help</c> prints under "Examples:".
/// </summary>
public static class HelpTopics
{
    /// <summary>The largest a help page may be (the longest is a few KB).</summary>
    public static readonly ReadLimit PageLimit = new("help page", 64L << 10);

    /// <summary>The order <c>oobwizard help</c> lists them in: commands first, then the subjects. Pages not named here follow by name.</summary>
    private static readonly string[] Order =
    [
        "wizard", "demo", "check", "scan", "cert", "logs", "checklist", "report", "lab", "graph", "lint", "content", "help", "completion",
        "exit-codes", "sessions", "offline", "environment", "install",
    ];

    /// <summary>Every topic (the English pages' names) in listing order.</summary>
    public static IReadOnlyList<string> All { get; } = ListTopics();

    /// <summary>The topic that documents a top-level command (the root command is the wizard).</summary>
    public static string ForCommand(string? topLevelCommand) => topLevelCommand ?? "wizard";

    /// <summary>The page's Markdown in the language, else in English; null for an unknown topic.</summary>
    public static string? Page(string topic, string language)
    {
        var help = EmbeddedContent.Help;
        var path = $"{language}/{topic}.md";
        if (!help.Exists(path))
        {
            path = $"{Languages.Default}/{topic}.md";
            if (!help.Exists(path))
            {
                return null;
            }
        }

        return help.ReadAllText(path, PageLimit);
    }

    /// <summary>The page's title: the text of its first heading.</summary>
    public static string Title(string markdown)
    {
        var heading = MarkdownSupport.Parse(markdown).Descendants<HeadingBlock>().FirstOrDefault();
        return heading?.Inline is { } inline ? string.Concat(inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString())).Trim() : "";
    }

    /// <summary>The lines of the code block in the page's <c>{#examples}</c> section (commands with <c># comments</c>); empty when it has none.</summary>
    public static IReadOnlyList<string> Examples(string markdown)
    {
        var doc = MarkdownSupport.Parse(markdown);
        var inSection = false;
        foreach (var block in doc)
        {
            if (block is HeadingBlock h)
            {
                inSection = h.GetAttributes().Id == "examples";
                continue;
            }

            if (inSection && block is FencedCodeBlock code)
            {
                return code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString().TrimEnd()).Where(l => l.Length > 0).ToList();
            }
        }

        return [];
    }

    private static List<string> ListTopics()
    {
        var names = EmbeddedContent.Help.Files(Languages.Default, ".md")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .ToHashSet(StringComparer.Ordinal);
        var ordered = Order.Where(names.Contains).ToList();
        ordered.AddRange(names.Except(Order, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return ordered;
    }
}
