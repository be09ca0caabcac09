namespace OobWizard.Cli;

/// <summary>
/// The installation-side messages (help, completion, content export): composite formats from
/// <c>&lt;lang&gt;/messages.yaml</c> in the run's language (<see cref="Messages"/>), placeholders
/// <see cref="string.Format(string, object?[])"/> style. The --version lines are technical and stay as constants.
/// </summary>
public static class CliText
{
    // --version
    public const string VersionLine = "oobwizard {0}";
    public const string CommitLine = "commit: {0}";
    public const string CommitUnknown = "unknown (built outside a git checkout)";
    public const string ContentLine = "content: {0}";
    public const string ContentEmbedded = "embedded";
    public const string ContentFolderFrom = "folder {0} (from {1})";
    public const string ContentUserFolder = "the per-user content folder";
    public const string RuntimeLine = "runtime: {0} {1}";
    public const string RuntimeNativeAot = "Native AOT";
    public const string RuntimeDotnet = ".NET";

    // content
    public static string UserFolderMissingTree => Messages.Current.Format("cli.user-folder-missing-tree");
    public static string ContentReadFailed => Messages.Current.Format("cli.content-read-failed");
    public static string ExportDone => Messages.Current.Format("cli.export-done");
    public static string ExportExists => Messages.Current.Format("cli.export-exists");
    public static string ExportNotFolder => Messages.Current.Format("cli.export-not-folder");
    public static string ExportNoHome => Messages.Current.Format("cli.export-no-home");
    public static string ExportFailed => Messages.Current.Format("cli.export-failed");

    // --help
    public static string ExamplesHeading => Messages.Current.Format("cli.examples-heading");
    public static string MoreHelp => Messages.Current.Format("cli.more-help");

    // help TOPIC
    public static string HelpTopicsHeading => Messages.Current.Format("cli.help-topics-heading");
    public static string HelpUnknownTopic => Messages.Current.Format("cli.help-unknown-topic");

    // completion
    public static string CompletionUnknownShell => Messages.Current.Format("cli.completion-unknown-shell");
}
