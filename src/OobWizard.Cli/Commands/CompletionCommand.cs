using System.CommandLine;
using OobWizard.Cli.Install;

namespace OobWizard.Cli.Commands;

/// <summary>`oobwizard completion bash|zsh|pwsh`: prints the shell's completion script (how to enable it: `oobwizard help completion`).</summary>
public static class CompletionCommand
{
    public static Command Create(CliHost host)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        var command = new Command("completion", "Print the shell completion script for bash, zsh or pwsh") { shell };
        command.SetAction(parse =>
        {
            host.Out.Write(CompletionScripts.For(parse.GetValue(shell)!));
            return 0;
        });
        return command;
    }
}
