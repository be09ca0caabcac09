using OobWizard.Core.Content;

namespace OobWizard.Cli;

/// <summary>
/// Chooses the content: <c>--content DIR</c>, else <c>$OOBW_CONTENT</c>, else the per-user override
/// folder if it exists (<see cref="UserFolder"/>), else the content embedded in the executable.
/// A folder is read by the same loader, under the same caps, and linted before the wizard starts.
/// </summary>
public static class ContentLocator
{
    public static ContentLocation Locate(string? option, Func<string, string?> env)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return new ContentLocation(ContentOrigin.Option, option);
        }

        if (env("OOBW_CONTENT") is { Length: > 0 } fromEnv)
        {
            return new ContentLocation(ContentOrigin.Environment, fromEnv);
        }

        if (UserFolder(env) is { } user && Directory.Exists(user))
        {
            return new ContentLocation(ContentOrigin.UserFolder, user);
        }

        return ContentLocation.Embedded;
    }

    /// <summary>
    /// The per-user override folder: <c>$XDG_CONFIG_HOME/oobwizard/content</c>, else
    /// <c>~/.config/oobwizard/content</c>; on Windows <c>%APPDATA%\oobwizard\content</c>. Null when
    /// no home folder is known.
    /// </summary>
    public static string? UserFolder(Func<string, string?> env)
    {
        string? config;
        if (OperatingSystem.IsWindows())
        {
            config = env("APPDATA") is { Length: > 0 } appData ? appData : NullIfEmpty(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData));
        }
        else if (env("XDG_CONFIG_HOME") is { Length: > 0 } xdg)
        {
            config = xdg;
        }
        else
        {
            var home = env("HOME") is { Length: > 0 } h ? h : NullIfEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
            config = home is null ? null : Path.Combine(home, ".config");
        }

        return config is null ? null : Path.Combine(config, "oobwizard", "content");
    }

    /// <summary>Loads the content or explains in one line why it cannot.</summary>
    public static ContentSet? Load(string? option, CliHost host, out string? error)
    {
        error = null;
        var location = Locate(option, host.Env);
        try
        {
            return ContentLoader.Load(location.Source());
        }
        catch (ContentNotFoundException)
        {
            var source = location.Source();
            var why = source is EmbeddedContentSource ? Messages.Current.Format("content.none-embedded") : Messages.Current.Format("content.no-tree", source.Root);
            error = location.Origin == ContentOrigin.UserFolder ? string.Format(CliText.UserFolderMissingTree, why) : why;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = string.Format(CliText.ContentReadFailed, location.Source().Root, ex.Message);
        }

        return null;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
