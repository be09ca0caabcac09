using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using OobWizard.Cli.Localization;

namespace OobWizard.Cli.Install;

/// <summary>
/// System.CommandLine's --help with its headings in the run's language (<see cref="HelpText"/>), followed
/// by the command's examples (the code block of its help topic's <c>{#examples}</c> section, in the
/// chosen language) and the topic to read for more.
/// </summary>
public sealed class ExamplesHelpAction(HelpAction inner, CliHost host, CommonOptions common) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        int code;
        var culture = CultureInfo.CurrentUICulture;
        var translated = Messages.Current.Language != Core.Content.Languages.Default;
        if (translated)
        {
            // Laid out by HelpLayout, which counts display columns (System.CommandLine counts characters).
            inner.MaxWidth = int.MaxValue;
        }

        using (var english = new StringWriter(CultureInfo.InvariantCulture))
        {
            // System.CommandLine's words from its neutral (English) resources, whatever LANG says: HelpText replaces them.
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            configuration.Output = english;
            try
            {
                code = inner.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
                CultureInfo.CurrentUICulture = culture;
            }

            var text = HelpText.Localize(english.ToString());
            output.Write(translated ? HelpLayout.Reflow(text, TerminalWidth()) : text);
        }

        var topic = HelpTopics.ForCommand(TopLevel(parseResult.CommandResult.Command, parseResult.RootCommandResult.Command));
        if (HelpTopics.Page(topic, common.Language(parseResult, host)) is { } page && HelpTopics.Examples(page) is { Count: > 0 } examples)
        {
            output.WriteLine(CliText.ExamplesHeading);
            foreach (var line in examples)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        output.WriteLine(string.Format(CultureInfo.InvariantCulture, CliText.MoreHelp, topic));
        return code;
    }

    /// <summary>The terminal's width when standard output is one, else no limit (as System.CommandLine does).</summary>
    private int TerminalWidth()
    {
        if (!host.OutputIsTerminal)
        {
            return int.MaxValue;
        }

        try
        {
            return Console.WindowWidth is > 0 and var w ? w : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <summary>The top-level command's name above <paramref name="command"/> (`lab` for `lab serve`), null for the root.</summary>
    private static string? TopLevel(Command command, Command root)
    {
        if (ReferenceEquals(command, root))
        {
            return null;
        }

        var current = command;
        while (current.Parents.OfType<Command>().FirstOrDefault() is { } parent && !ReferenceEquals(parent, root))
        {
            current = parent;
        }

        return current.Name;
    }
}
