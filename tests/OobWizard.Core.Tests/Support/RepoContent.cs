namespace OobWizard.Core.Tests.Support;

/// <summary>Finds the repository's content/ folder by walking up from the test binaries.</summary>
public static class RepoContent
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "tree", "00-start.yaml")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no content/tree/00-start.yaml above {AppContext.BaseDirectory}");
    }
}
