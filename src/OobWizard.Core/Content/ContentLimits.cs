using OobWizard.Core.Files;

namespace OobWizard.Core.Content;

/// <summary>
/// How big content may get before loading refuses it (a lint error with file:line, so the wizard
/// does not start on it): far above what the shipped content uses, far below what would cost memory
/// or time. The shipped content: the longest page is under 2 KB, the most choices a node has is 11.
/// </summary>
public static class ContentLimits
{
    /// <summary>Answers one node may offer (the symptom menu has 11; a menu of more is not usable on 80x24 anyway).</summary>
    public const int MaxChoicesPerNode = 50;

    /// <summary>One page (&lt;lang&gt;/&lt;id&gt;.md).</summary>
    public static ReadLimit Page => ReadLimit.ContentPage;

    /// <summary>One tree file (tree/*.yaml).</summary>
    public static ReadLimit TreeFile => ReadLimit.TreeFile;

    /// <summary>One &lt;lang&gt;/ui.yaml.</summary>
    public static ReadLimit UiStrings => ReadLimit.UiStrings;
}
