using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>A problem found in the content, always with the place it was found.</summary>
public sealed record ContentIssue(IssueSeverity Severity, SourceLocation Where, string Message)
{
    public override string ToString() => $"{Where}: {(Severity == IssueSeverity.Error ? "error" : "warning")}: {Message}";
}
