using System.CommandLine;
using OobWizard.Cli.Install;
using OobWizard.Cli.Rendering;
using Spectre.Console;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard help [TOPIC]`: a man-page-like page per command and subject (exit codes, sessions,
/// offline mode, environment variables, the lab), drawn by the wizard's own Markdown renderer;
/// without a topic, the list of topics. Exit 0, or 2 for an unknown topic.
/// </summary>
public static class HelpCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        var topic = new Argument<string[]>("topic") { Description = "A command or subject (without one: the list of topics)", Arity = ArgumentArity.ZeroOrMore };
        topic.CompletionSources.Add(_ => HelpTopics.All);
        var command = new Command("help", "Read a help topic: a command, exit codes, sessions, offline mode, environment variables, the lab") { topic };
        command.SetAction(parse =>
        {
            var lang = common.Language(parse, host);
            var words = parse.GetValue(topic) ?? [];
            if (words.Length == 0)
            {
                host.Out.WriteLine(CliText.HelpTopicsHeading);
                var width = HelpTopics.All.Max(t => t.Length);
                foreach (var t in HelpTopics.All)
                {
                    host.Out.WriteLine($"  {t.PadRight(width)}  {HelpTopics.Title(HelpTopics.Page(t, lang)!)}");
                }

                return 0;
            }

            // `help lab serve` is the lab's page; `help exit-codes` a subject's.
            if (HelpTopics.Page(words[0], lang) is not { } page)
            {
                return host.Fail(string.Format(CliText.HelpUnknownTopic, words[0], string.Join(", ", HelpTopics.All)));
            }

            Render(host, page);
            return 0;
        });
        return command;
    }

    /// <summary>Draws a page: colours on a terminal (unless NO_COLOR), plain text in 80 columns otherwise.</summary>
    public static void Render(CliHost host, string markdown)
    {
        var colour = host.IsTerminal && host.Env("NO_COLOR") is not { Length: > 0 };
        var console = colour
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(host.Out), Interactive = InteractionSupport.No })
            : host.PlainConsole();
        console.Write(new MarkdownRenderer(unicode: console.Profile.Capabilities.Unicode || !colour).Render(markdown));
        console.WriteLine();
    }
}
