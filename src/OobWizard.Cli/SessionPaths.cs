namespace OobWizard.Cli;

/// <summary>Where sessions live by default: $OOBW_SESSION_DIR, else $XDG_STATE_HOME/oobwizard/sessions, else ~/.local/state/oobwizard/sessions.</summary>
public static class SessionPaths
{
    public static string Directory(Func<string, string?> env)
    {
        if (env("OOBW_SESSION_DIR") is { Length: > 0 } dir)
        {
            return dir;
        }

        var state = env("XDG_STATE_HOME") is { Length: > 0 } x
            ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "oobwizard", "sessions");
    }

    public static string NewFile(Func<string, string?> env, DateTimeOffset now, string id) =>
        Path.Combine(Directory(env), $"{now:yyyyMMdd-HHmmss}-{id}.json");

    /// <summary>The most recently written session in the default folder, or null.</summary>
    public static string? Latest(Func<string, string?> env)
    {
        var dir = Directory(env);
        if (!System.IO.Directory.Exists(dir))
        {
            return null;
        }

        return new DirectoryInfo(dir).GetFiles("*.json")
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Select(f => f.FullName)
            .FirstOrDefault();
    }
}
