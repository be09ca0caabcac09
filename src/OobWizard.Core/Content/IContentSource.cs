using OobWizard.Core.Files;

namespace OobWizard.Core.Content;

/// <summary>
/// Where content is read from: a folder on disk (<see cref="FolderContentSource"/>) or resources
/// compiled into the program (<see cref="EmbeddedContentSource"/>). Paths are relative and
/// '/'-separated (<c>tree/00-start.yaml</c>, <c>en/ui.yaml</c>); every read goes through a
/// <see cref="ReadLimit"/>, whichever the source.
/// </summary>
public interface IContentSource
{
    /// <summary>How messages name the root: the folder's path, or <c>&lt;embedded&gt;</c>.</summary>
    string Root { get; }

    /// <summary>True when the folder (<c>tree</c>, <c>en</c>) holds anything.</summary>
    bool HasFolder(string folder);

    /// <summary>The files directly in <paramref name="folder"/> whose names end with <paramref name="extension"/> (<c>.md</c>), as relative paths in ordinal order.</summary>
    IReadOnlyList<string> Files(string folder, string extension);

    /// <summary>True when something is at the path (a file, or for a folder source also a FIFO or a device, which reading then refuses).</summary>
    bool Exists(string path);

    /// <summary>The path as file:line messages show it (<c>/home/u/content/en/x.md</c>, <c>&lt;embedded&gt;/en/x.md</c>).</summary>
    string Display(string path);

    /// <summary>The file's text (UTF-8 unless a byte order mark says otherwise), at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="InputFileException">not a regular file, missing, or over the limit (the message names it).</exception>
    /// <exception cref="IOException">the file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">no permission to read it.</exception>
    string ReadAllText(string path, ReadLimit limit);
}
