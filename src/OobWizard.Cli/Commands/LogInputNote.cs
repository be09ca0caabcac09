namespace OobWizard.Cli.Commands;

/// <summary>Something <c>logs</c> did not read in a folder, and why (<see cref="Kind"/>: <c>unreadable</c> or <c>skipped</c>).</summary>
internal sealed record LogInputNote(string Path, string Kind, string Reason)
{
    public const string Unreadable = "unreadable";
    public const string Skipped = "skipped";
}
