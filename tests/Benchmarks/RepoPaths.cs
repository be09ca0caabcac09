namespace OobWizard.Benchmarks;

internal static class RepoPaths
{
    public static string Content { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OobWizard.sln")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }

        // BenchmarkDotNet runs from a generated folder; fall back to the content copied beside the binaries.
        return Path.Combine(AppContext.BaseDirectory, "content");
    }
}
