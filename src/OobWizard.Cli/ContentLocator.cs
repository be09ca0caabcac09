using OobWizard.Core.Content;

namespace OobWizard.Cli;

/// <summary>Finds the content folder: --content, else $OOBW_CONTENT, else a checkout's content/ above the working directory, else the one beside the executable.</summary>
public static class ContentLocator
{
    public static string? Find(string? option, Func<string, string?> env)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        if (env("OOBW_CONTENT") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        // A checkout's content first, so that edits show at once when run from the source tree.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "tree", "00-start.yaml")))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "content");
        if (Directory.Exists(Path.Combine(beside, "tree")))
        {
            return beside;
        }

        return null;
    }

    /// <summary>Loads the content or explains in one line why it cannot.</summary>
    public static ContentSet? Load(string? option, CliHost host, out string? error)
    {
        error = null;
        var dir = Find(option, host.Env);
        if (dir is null)
        {
            error = "cannot find the content folder (pass --content DIR or set OOBW_CONTENT)";
            return null;
        }

        try
        {
            return ContentLoader.Load(dir);
        }
        catch (ContentNotFoundException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read content in {dir}: {ex.Message}";
        }

        return null;
    }
}
