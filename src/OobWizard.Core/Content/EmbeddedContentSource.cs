using System.Reflection;
using OobWizard.Core.Files;

namespace OobWizard.Core.Content;

/// <summary>
/// Content compiled into an assembly as manifest resources named <c>PREFIX + relative path</c>
/// (<c>content/tree/00-start.yaml</c>; the executable's project embeds <c>content/**</c> so). Read
/// under the same <see cref="ReadLimit"/>s as a folder; works under Native AOT (manifest resources
/// are kept by the compiler, no reflection over types).
/// </summary>
public sealed class EmbeddedContentSource : IContentSource
{
    /// <summary>How messages name the root of embedded content.</summary>
    public const string EmbeddedRoot = "<embedded>";

    private readonly Assembly _assembly;
    private readonly Dictionary<string, string> _resources; // relative path -> resource name

    public EmbeddedContentSource(Assembly assembly, string prefix)
    {
        _assembly = assembly;
        _resources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // MSBuild's %(RecursiveDir) uses the build machine's separator.
            var normalized = name.Replace('\\', '/');
            if (normalized.StartsWith(prefix, StringComparison.Ordinal) && normalized.Length > prefix.Length)
            {
                _resources[normalized[prefix.Length..]] = name;
            }
        }

        AllFiles = _resources.Keys.Order(StringComparer.Ordinal).ToList();
    }

    public string Root => EmbeddedRoot;

    /// <summary>Every embedded file's relative path, in ordinal order.</summary>
    public IReadOnlyList<string> AllFiles { get; }

    public bool HasFolder(string folder) => AllFiles.Any(f => f.StartsWith(folder + "/", StringComparison.Ordinal));

    public IReadOnlyList<string> Files(string folder, string extension) =>
        AllFiles.Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal)
                && f.IndexOf('/', folder.Length + 1) < 0
                && f.EndsWith(extension, StringComparison.Ordinal))
            .ToList();

    public bool Exists(string path) => _resources.ContainsKey(path);

    public string Display(string path) => EmbeddedRoot + "/" + path;

    public string ReadAllText(string path, ReadLimit limit)
    {
        using var stream = Open(path);
        return InputFile.ReadAllText(stream, Display(path), limit);
    }

    /// <summary>The file's bytes as embedded (at most <paramref name="limit"/>), for an export or a comparison.</summary>
    /// <exception cref="InputFileException">no such file, or over the limit.</exception>
    public byte[] ReadAllBytes(string path, ReadLimit limit)
    {
        using var stream = Open(path);
        return InputFile.ReadAllBytes(stream, Display(path), limit);
    }

    private Stream Open(string path) =>
        _resources.TryGetValue(path, out var name) && _assembly.GetManifestResourceStream(name) is { } stream
            ? stream
            : throw new InputFileException($"{Display(path)}: no such file", "file.missing", Display(path));
}
