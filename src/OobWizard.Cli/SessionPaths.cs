using OobWizard.Core.Sessions;

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

    /// <summary>
    /// The most recently written session in the default folder that loads, or null. A file that
    /// cannot be read or is not a valid session (a damaged one, a FIFO named *.json) is skipped
    /// with a one-line warning, so one bad file never hides the others.
    /// </summary>
    public static SavedSession? Latest(Func<string, string?> env, Action<string> warn)
    {
        var dir = Directory(env);
        if (!System.IO.Directory.Exists(dir))
        {
            return null;
        }

        List<FileInfo> files;
        try
        {
            files = new DirectoryInfo(dir).GetFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warn(Messages.Current.Format("session.cannot-list", dir, ex.Message));
            return null;
        }

        foreach (var file in files)
        {
            try
            {
                return new SavedSession(file.FullName, SessionStore.Load(file.FullName));
            }
            catch (SessionException ex)
            {
                warn(Messages.Current.Format("session.skipped", Localization.ErrorText.Of(ex)));
            }
        }

        return null;
    }
}
