namespace OobWizard.Cli.Tests.Support;

/// <summary>Finds the checkout (the folder with OobWizard.sln) from the test binaries.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Content => Path.Combine(Root, "content");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OobWizard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OobWizard.sln not found above " + AppContext.BaseDirectory);
    }
}
