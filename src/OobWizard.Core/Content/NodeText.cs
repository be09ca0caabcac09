using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>One node's text in one language: front matter fields and the Markdown body.</summary>
public sealed record NodeText(
    string Language,
    string Title,
    IReadOnlyDictionary<string, string> ChoiceLabels,
    string? Verify,
    string Body,
    SourceLocation Source,
    int BodyLine)
{
    /// <summary>Where the facts of a text outside the seeds come from (front matter <c>sources:</c>).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>True when this text was taken from English because the language lacks it.</summary>
    public bool IsFallback { get; init; }
}
