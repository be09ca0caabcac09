namespace OobWizard.Cli.Tests.Support;

/// <summary>Finds the checkout's content folder from the test binaries.</summary>
public static class Repo
{
    public static string Content { get; } = Find();

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

        throw new InvalidOperationException("content/ not found above " + AppContext.BaseDirectory);
    }
}
