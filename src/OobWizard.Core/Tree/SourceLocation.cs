namespace OobWizard.Core.Tree;

/// <summary>Where something was read from, for errors that name file:line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public static readonly SourceLocation None = new("?", 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
