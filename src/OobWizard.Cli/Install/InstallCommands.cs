using System.CommandLine;
using System.CommandLine.Help;
using OobWizard.Cli.Commands;

namespace OobWizard.Cli.Install;

/// <summary>What an installed tool needs around the commands: help topics, completion, content export, --version and examples in --help.</summary>
public static class InstallCommands
{
    public static void AddTo(RootCommand root, CliHost host, CommonOptions common)
    {
        root.Subcommands.Add(HelpCommand.Create(host, common));
        root.Subcommands.Add(CompletionCommand.Create(host));
        root.Subcommands.Add(ContentCommand.Create(host));
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case VersionOption version:
                    version.Action = new VersionAction(host, common);
                    break;
                case HelpOption { Action: HelpAction help } helpOption:
                    helpOption.Action = new ExamplesHelpAction(help, host, common);
                    break;
            }
        }
    }
}
