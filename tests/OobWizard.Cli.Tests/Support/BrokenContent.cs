namespace OobWizard.Cli.Tests.Support;

/// <summary>A copy of the shipped content in a folder of the test's, to break on purpose.</summary>
public static class BrokenContent
{
    public static string CopyOfShipped(string parent)
    {
        var target = Path.Combine(parent, "content");
        foreach (var file in Directory.GetFiles(Repo.Content, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Repo.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
