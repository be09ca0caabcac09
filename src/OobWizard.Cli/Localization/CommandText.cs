using System.CommandLine;
using System.CommandLine.Help;

namespace OobWizard.Cli.Localization;

/// <summary>
/// The --help texts of the command tree in the run's language (<see cref="Messages.Current"/>):
/// a command's description from <c>cmd.PATH</c> (<c>cmd.root</c>, <c>cmd.lab.serve</c>), an option's
/// from <c>opt.PATH.NAME</c>, else <c>opt.NAME</c> (options shared by several commands; NAME without
/// its dashes), an argument's from <c>arg.PATH.NAME</c>. The English texts of en/messages.yaml are the
/// code's own descriptions (a test keeps them equal), so an English run keeps the tree as built.
/// </summary>
public static class CommandText
{
    /// <summary>Sets the descriptions of <paramref name="root"/> and everything below it; a few dictionary look-ups per symbol.</summary>
    public static void Localize(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var messages = Messages.Current;
        if (messages.Language == Core.Content.Languages.Default)
        {
            return;
        }

        foreach (var (symbol, keys) in Keys(root))
        {
            foreach (var key in keys)
            {
                if (messages.Find(key) is { } text)
                {
                    symbol.Description = text;
                    break;
                }
            }
        }
    }

    /// <summary>Every symbol whose description --help shows, with its keys, most specific first (each option once per command that has it).</summary>
    public static IEnumerable<(Symbol Symbol, string[] Keys)> Keys(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Walk(root, "root");
    }

    private static IEnumerable<(Symbol, string[])> Walk(Command command, string path)
    {
        yield return (command, ["cmd." + path]);
        foreach (var option in command.Options)
        {
            var name = option switch
            {
                HelpOption => "help",
                VersionOption => "version",
                _ => option.Name.TrimStart('-'),
            };
            yield return (option, option is HelpOption or VersionOption ? ["opt." + name] : ["opt." + path + "." + name, "opt." + name]);
        }

        foreach (var argument in command.Arguments)
        {
            yield return (argument, ["arg." + path + "." + argument.Name.ToLowerInvariant()]);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var item in Walk(sub, path == "root" ? sub.Name : path + "." + sub.Name))
            {
                yield return item;
            }
        }
    }
}
