using OobWizard.Core.Content;

namespace OobWizard.Cli;

/// <summary>The content a run uses: a folder (with why it was chosen) or the embedded content (<see cref="Folder"/> null).</summary>
public sealed record ContentLocation(ContentOrigin Origin, string? Folder)
{
    public static ContentLocation Embedded { get; } = new(ContentOrigin.Embedded, null);

    public IContentSource Source() => Folder is null ? EmbeddedContent.Source : new FolderContentSource(Folder);

    /// <summary>One line for --version: "embedded" or "folder PATH (from --content)".</summary>
    public string Describe() => Origin switch
    {
        ContentOrigin.Embedded => CliText.ContentEmbedded,
        ContentOrigin.Option => string.Format(CliText.ContentFolderFrom, Folder, "--content"),
        ContentOrigin.Environment => string.Format(CliText.ContentFolderFrom, Folder, "OOBW_CONTENT"),
        _ => string.Format(CliText.ContentFolderFrom, Folder, CliText.ContentUserFolder),
    };
}
