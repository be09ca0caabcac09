namespace OobWizard.Cli;

/// <summary>
/// The English text of the installation-side messages (--version, help, completion, content
/// export), one constant per message, so that moving them into the language files is one edit per
/// string. Placeholders are <see cref="string.Format(string, object?[])"/> style.
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
    public const string UserFolderMissingTree = "{0} (the per-user content folder overrides the built-in content; remove it or fill it: oobwizard help content)";
    public const string ContentReadFailed = "cannot read content in {0}: {1}";
    public const string ExportDone = "wrote {0} files of the built-in content to {1}; edit them, then check with: oobwizard lint --content {1}";
    public const string ExportExists = "content export: {0} already exists and is not empty; pass --force to write into it";
    public const string ExportNotFolder = "content export: {0} is not a folder";
    public const string ExportNoHome = "content export: no home folder is known; name a folder: oobwizard content export DIR";
    public const string ExportFailed = "content export: cannot write to {0}: {1}";

    // --help
    public const string ExamplesHeading = "Examples:";
    public const string MoreHelp = "More: oobwizard help {0}";

    // help TOPIC
    public const string HelpTopicsHeading = "Help topics (oobwizard help TOPIC):";
    public const string HelpUnknownTopic = "help: no topic '{0}'; the topics are: {1}";

    // completion
    public const string CompletionUnknownShell = "completion: no script for '{0}'; choose bash, zsh or pwsh";
}
