using System.CommandLine;
using System.Globalization;
using OobWizard.Cli.Commands;
using OobWizard.Cli.Install;
using OobWizard.Cli.Localization;
using OobWizard.Cli.Wizard;
using OobWizard.Probes;

namespace OobWizard.Cli;

/// <summary>The command line: the wizard on the root command, tools as subcommands.</summary>
public static class CliApp
{
    private const string DebugOption = "--debug";

    /// <summary>The command tree, its --help texts in <see cref="Messages.Current"/>'s language.</summary>
    public static RootCommand Build(CliHost host)
    {
        var common = new CommonOptions();
        var probeOptions = new ProbeOptions();
        var plain = new Option<bool>("--plain") { Description = "Line mode: no colours or cursor movement; numbered answers from stdin" };
        var offline = new Option<bool>("--offline") { Description = "Run no probes: ask the manual question at every check" };
        var session = new Option<string?>("--session") { Description = "Session file to create (default: a new file in the per-user folder)" };
        var resume = new Option<string?>("--resume") { Description = "Continue a saved session (default: the latest); with --session NEW, save the continuation there", Arity = ArgumentArity.ZeroOrOne };
        // Without it an unexpected error is one line and exit 1; with it, the stack trace too.
        var debug = new Option<bool>(DebugOption) { Description = "On an unexpected error, print the stack trace", Recursive = true };
        var readOnly = new Option<bool>("--read-only") { Description = "Write no session file (a read-only session stays as it is; `save FILE`, or s in the full-screen wizard, keeps a copy)" };

        var root = new RootCommand("OobWizard: from an Intel AMT out-of-band management symptom to its cause and fix")
        {
            common.Content, common.Lang, plain, offline, session, resume, readOnly, debug,
        };
        probeOptions.AddTo(root);
        root.Subcommands.Add(LintCommand.Create(host, common));
        root.Subcommands.Add(GraphCommand.Create(host, common));
        root.Subcommands.Add(ChecklistCommand.Create(host, common));
        root.Subcommands.Add(DemoCommand.Create(host, common, plain, session));
        root.Subcommands.Add(ReportCommand.Create(host, common));
        root.Subcommands.Add(LabCommand.Create(host, common));
        root.Subcommands.Add(CheckCommand.Create(host, common));
        root.Subcommands.Add(CertCommand.Create(host, common));
        root.Subcommands.Add(ScanCommand.Create(host, common));
        root.Subcommands.Add(LogsCommand.Create(host, common, plain, session));
        InstallCommands.AddTo(root, host, common);

        root.SetAction(async (parse, ct) =>
        {
            var start = new WizardStart(
                parse.GetValue(common.Content),
                parse.GetValue(common.Lang),
                parse.GetValue(plain),
                // No target means nothing to probe, except on resume, where the session knows its target.
                parse.GetValue(offline) || (parse.GetValue(probeOptions.Target) is null && parse.GetResult(resume) is null),
                parse.GetValue(session),
                parse.GetResult(resume) is not null,
                parse.GetValue(resume),
                parse.GetValue(probeOptions.Target),
                ReadOnly: parse.GetValue(readOnly));
            // Asked once, when the first check needs it (the front end asks: a dialog or a masked
            // line in the session's language); held in memory only, never saved.
            var user = parse.GetValue(probeOptions.User) ?? "admin";
            var password = new Lazy<string?>(() => host.Env("OOBW_AMT_PASSWORD") is { Length: > 0 } fromEnv
                ? fromEnv
                : host.Password.Ask?.Invoke(user, start.Target) is { Length: > 0 } typed ? typed : null);

            // One run for the whole session: a password AMT refused is never sent again (see WizardController.PasswordRefused).
            var run = new ProbeRun();
            return await WizardLauncher.RunAsync(host, start, ProbeCatalog.Runner(), () => probeOptions.Build(parse, host, () => password.Value, run: run), ct).ConfigureAwait(false);
        });
        CommandText.Localize(root);
        return root;
    }

    /// <summary>
    /// Parses and runs; usage errors are one line each on stderr and exit 2. An unexpected exception
    /// (a bug, a closed pipe) is one line and exit 1; the stack trace only with --debug.
    /// Ctrl+C (<see cref="OperationCanceledException"/>) is left to the caller.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken ct = default)
    {
        // The language first (a scan of args, then the environment): the tree's descriptions and the
        // option validators speak it.
        Messages.Use(RunMessages(RunLanguage.Of(args, host.Env), host));
        var root = Build(host);
        var parse = Parse(root, args);
        // --help, --version and [suggest] answer on a line that does not parse (yet).
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            foreach (var e in parse.Errors)
            {
                host.Err.WriteLine("oobwizard: " + ParseErrorText.Of(e));
            }

            host.Err.WriteLine(Messages.Current.Format("error.try-help", CommandPath(parse)));
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = host.Out, Error = host.Err, EnableDefaultExceptionHandler = false }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ReportUnexpected(host, ex, parse.GetValue<bool>(DebugOption));
            return 1;
        }
    }

    /// <summary>"oobwizard", or "oobwizard lab serve" when the line got as far as a subcommand: whose --help a usage error points to.</summary>
    internal static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var c = parse.CommandResult; c?.Parent is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(c.Command.Name);
        }

        names.Add("oobwizard");
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>Parses under the invariant UI culture: System.CommandLine's errors come in English, for <see cref="ParseErrorText"/> to re-word.</summary>
    private static ParseResult Parse(RootCommand root, string[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return root.Parse(args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>The run's messages: --content's (or the located content's) in the run's language.</summary>
    private static Messages RunMessages(RunLanguage run, CliHost host)
    {
        try
        {
            return Messages.Load(ContentLocator.Locate(run.Content, host.Env).Source(), run.Language);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Messages.Load(EmbeddedContent.Source, run.Language);
        }
    }

    /// <summary>The line for a run that Ctrl+C ended, in the run's language (the run's own messages are gone with its async flow).</summary>
    public static string Interrupted(string[] args, CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return "oobwizard: " + RunMessages(RunLanguage.Of(args, host.Env), host).Format("error.interrupted");
    }

    /// <summary>One line naming what failed (and how to see more), or the whole trace with --debug.</summary>
    internal static void ReportUnexpected(CliHost host, Exception ex, bool debug)
    {
        try
        {
            if (debug)
            {
                host.Err.WriteLine("oobwizard: " + Messages.Current.Format("error.unexpected-debug", ex));
                return;
            }

            var message = ErrorText.Of(ex).ReplaceLineEndings(" ");
            host.Err.WriteLine("oobwizard: " + Messages.Current.Format("error.unexpected", ex.GetType().Name, message));
        }
        catch (IOException)
        {
            // stderr is gone too; the exit code is all that is left
        }
    }
}
