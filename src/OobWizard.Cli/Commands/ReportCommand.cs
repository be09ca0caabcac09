using System.CommandLine;
using OobWizard.Core.Export;
using OobWizard.Core.Sessions;

namespace OobWizard.Cli.Commands;

/// <summary>`oobwizard report [FILE] [--format md|html] [-o OUT]`: a session as a report for the ticket.</summary>
public static class ReportCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        var file = new Argument<string?>("session") { Description = "Session file (default: the latest)", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "md or html", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists (a saved session is never replaced)" };
        var command = new Command("report", "Turn a session into a report to attach to a ticket") { file, format, output, force };
        command.SetAction(parse =>
        {
            var content = ContentLocator.Load(parse.GetValue(common.Content), host, out var error);
            if (content is null)
            {
                return host.Fail(error!);
            }

            var named = parse.GetValue(file);
            Session session;
            string path;
            if (named is null)
            {
                if (SessionPaths.Latest(host.Env, host.Warn) is not { } latest)
                {
                    return host.Fail(Messages.Current.Format("session.report-none-saved", SessionPaths.Directory(host.Env)));
                }

                (path, session) = latest;
            }
            else
            {
                path = named;
                try
                {
                    session = SessionStore.Load(path);
                }
                catch (SessionException ex)
                {
                    return host.Fail(Localization.ErrorText.Of(ex));
                }
            }

            if (parse.GetValue(common.Lang) is { } lang)
            {
                session.Language = lang; // only for this report; the file is not written
            }

            var text = parse.GetValue(format) == "html" ? ReportExporter.ToHtml(content, session) : ReportExporter.ToMarkdown(content, session);
            return host.Emit(text, parse.GetValue(output), parse.GetValue(force));
        });
        return command;
    }
}
