using OobWizard.Lab;

namespace OobWizard.Cli.Commands;

/// <summary>
/// What `lab list`, `lab serve` and the demo banner say about a lab scenario, in the run's language. A scenario's
/// summary is the message <c>lab.scenario.&lt;name&gt;</c> of <c>&lt;lang&gt;/messages.yaml</c>; the Lab's own English
/// <see cref="LabScenario.Summary"/> stays the source, and is shown as it is for a scenario that has no message yet.
/// </summary>
public static class LabText
{
    /// <summary>The message key of <paramref name="scenario"/>'s summary.</summary>
    public static string SummaryKey(LabScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return "lab.scenario." + scenario.Name;
    }

    /// <summary><paramref name="scenario"/>'s one-line summary in the run's language.</summary>
    public static string Summary(LabScenario scenario)
    {
        var key = SummaryKey(scenario);
        return Messages.Current.Has(key) ? Messages.Current.Format(key) : scenario.Summary;
    }

    /// <summary>"User: admin   Password: ..." (the password shown only when this run made it up).</summary>
    public static string Credentials(LabCredentials credentials, bool fromEnvironment)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Messages.Current.Format("lab.credentials", credentials.User,
            fromEnvironment ? Messages.Current.Format("lab.password-from-env") : credentials.Password);
    }

    /// <summary>
    /// The start of a suggested command line ("OOBW_AMT_PASSWORD=Lab-… oobwizard"), ready to copy: the lab's own
    /// throw-away password, which <see cref="Credentials"/> printed on the line above; "..." for the user's own
    /// (from OOBW_AMT_PASSWORD), which is never printed. A user other than admin is passed as --user at the end.
    /// </summary>
    public static string CommandStart(LabCredentials credentials, bool fromEnvironment)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return "OOBW_AMT_PASSWORD=" + (fromEnvironment ? "..." : ShellWord(credentials.Password)) + " oobwizard";
    }

    /// <summary>" --user NAME" when <paramref name="credentials"/>' user is not admin (the default of check and scan), else "".</summary>
    public static string UserOption(LabCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return credentials.User == "admin" ? "" : " --user " + ShellWord(credentials.User);
    }

    /// <summary>A file the lab wrote, as a command line names it: its absolute path (works from any folder), quoted for a POSIX shell when needed.</summary>
    public static string PathWord(FileSystemInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ShellWord(file.FullName);
    }

    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:@%+=,".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
