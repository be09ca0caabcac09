using OobWizard.Core.Content;

namespace OobWizard.Cli;

/// <summary>
/// The content and the help pages compiled into the executable (OobWizard.Cli.csproj embeds
/// <c>content/**</c> as <c>content/…</c> and <c>help/**</c> as <c>help/…</c>), so the one file is the whole tool.
/// </summary>
public static class EmbeddedContent
{
    private static readonly Lazy<EmbeddedContentSource> ContentSource = new(() => new EmbeddedContentSource(typeof(EmbeddedContent).Assembly, "content/"));
    private static readonly Lazy<EmbeddedContentSource> HelpSource = new(() => new EmbeddedContentSource(typeof(EmbeddedContent).Assembly, "help/"));

    /// <summary>The decision tree, pages and UI strings as they were when this executable was built.</summary>
    public static EmbeddedContentSource Source => ContentSource.Value;

    /// <summary>The <c>oobwizard help TOPIC</c> pages: <c>&lt;lang&gt;/&lt;topic&gt;.md</c>.</summary>
    public static EmbeddedContentSource Help => HelpSource.Value;
}
