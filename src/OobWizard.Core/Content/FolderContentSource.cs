using OobWizard.Core.Files;

namespace OobWizard.Core.Content;

/// <summary>Content in a folder on disk (<c>--content DIR</c>, <c>OOBW_CONTENT</c>, the per-user override folder); files are read through <see cref="InputFile"/>.</summary>
public sealed class FolderContentSource(string directory) : IContentSource
{
    public string Root { get; } = directory;

    public bool HasFolder(string folder) => Directory.Exists(Path.Combine(Root, folder));

    public IReadOnlyList<string> Files(string folder, string extension)
    {
        var dir = Path.Combine(Root, folder);
        return Directory.GetFiles(dir, "*" + extension)
            .Order(StringComparer.Ordinal)
            .Select(f => folder + "/" + Path.GetFileName(f))
            .ToList();
    }

    public bool Exists(string path) => FileKinds.Of(Full(path)).Kind != FileKind.Missing;

    public string Display(string path) => Full(path);

    public string ReadAllText(string path, ReadLimit limit) => InputFile.ReadAllText(Full(path), limit);

    private string Full(string path) => Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
}
