using System.CommandLine;
using OobWizard.Cli.Rendering;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Content;
using OobWizard.Core.Files;
using OobWizard.Core.Tree;
using OobWizard.Logs;
using LogSignature = OobWizard.Logs.LogSignature;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard logs FILE|FOLDER... [--json] [--start] [--depth N]`: reads ConfigMgr logs (CCM, SMS trace
/// or CMTrace clipboard text; `-` is stdin; a folder is searched for them), matches them against the
/// tree's log signatures and lists the candidates, best first: a diagnosis, or for a message several
/// causes share the question that separates them. When nothing matches it shows the error and warning
/// lines it found, ranked, and the symptom to start from. `--start` opens the wizard (offline) at the
/// best candidate (or that symptom). Exit 0: something matched; 1: nothing did; 2: bad input.
/// </summary>
public static class LogsCommand
{
    public static Command Create(CliHost host, CommonOptions common, Option<bool> plain, Option<string?> session)
    {
        var files = new Argument<string[]>("FILE") { Description = "Log files or folders (Amtopmgr.log, Oobconsole.log, …; .lo_ too; a folder is searched for them); - reads standard input", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var start = new Option<bool>("--start") { Description = "Start the wizard (offline) at the best candidate" };
        var depth = new Option<int>("--depth") { Description = $"Folder levels read below a folder given", DefaultValueFactory = _ => LogFolder.DefaultDepth };
        var command = new Command("logs", "Match ConfigMgr log files against the known causes and list the candidates") { files, json, start, depth, plain, session };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(json) && parse.GetValue(start))
            {
                return host.Fail(Messages.Current.Format("error.options-exclusive", "--json", "--start"));
            }

            if (parse.GetValue(depth) < 0)
            {
                return host.Fail(Messages.Current.Format("error.depth", parse.GetValue(depth)));
            }

            var names = parse.GetValue(files) ?? [];
            if (names.Count(n => n == "-") > 1)
            {
                return host.Fail(Messages.Current.Format("error.stdin-twice"));
            }

            var content = ContentLocator.Load(parse.GetValue(common.Content), host, out var error);
            if (content is null)
            {
                return host.Fail(error!);
            }

            LogsResult result;
            string? failure;
            try
            {
                result = Triage(host, content, names, parse.GetValue(depth), ct, out failure);
            }
            catch (OperationCanceledException)
            {
                host.Err.WriteLine("oobwizard: " + Messages.Current.Format("error.logs-interrupted"));
                return 130;
            }

            if (failure is not null)
            {
                return host.Fail(failure);
            }

            var lang = common.Language(parse, host);
            var output = new LogsOutput(content, lang, result);
            if (parse.GetValue(json))
            {
                output.WriteJson(host.Out);
                return result.Candidates.Count > 0 ? 0 : 1;
            }

            output.WriteText(host.Out, WrappedText.TerminalWidth(host.OutputIsTerminal));
            if (!parse.GetValue(start) || result.StartAt is null)
            {
                return result.Candidates.Count > 0 ? 0 : 1;
            }

            host.Out.WriteLine();
            var wizard = new WizardStart(
                parse.GetValue(common.Content),
                parse.GetValue(common.Lang),
                parse.GetValue(plain),
                Offline: true,
                parse.GetValue(session),
                Resume: false,
                ResumeFile: null,
                Target: null,
                JumpTo: result.StartAt);
            return await WizardLauncher.RunAsync(host, wizard, ProbeCatalog.Runner(), () => new OobWizard.Probes.ProbeContext(), ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// Every log signature of the tree, in the tree's load order: a diagnosis's own, and a shared
    /// message's on the question that separates its <c>candidates</c>.
    /// </summary>
    public static IReadOnlyList<LogSignature> Signatures(DecisionTree tree) =>
        tree.Nodes
            .OrderBy(n => n.Source.File, StringComparer.Ordinal)
            .ThenBy(n => n.Source.Line)
            .Select((node, order) => (node, order))
            .Where(x => x.node.Kind == NodeKind.Diagnosis || x.node.Candidates.Count > 0)
            .SelectMany(x => x.node.Logs.Select(l => new LogSignature(x.node.Id, l.File, l.Text, x.order)
            {
                Supporting = l.Supporting,
                With = l.With,
                Candidates = x.node.Candidates,
            }))
            .ToList();

    /// <summary>
    /// Reads every input; <paramref name="failure"/> is a one-line error for a bad argument (a missing
    /// path, a FIFO or device given by name: those are refused before they are opened).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (Ctrl+C) during a read.</exception>
    internal static LogsResult Triage(CliHost host, ContentSet content, IReadOnlyList<string> names, int depth, CancellationToken ct, out string? failure)
    {
        failure = null;
        var signatures = Signatures(content.Tree);
        var matcher = new LogMatcher(signatures);
        var scanner = new LogScanner(signatures);
        var inputs = new List<LogInput>();
        var notes = new List<LogInputNote>();
        var files = new List<(string Path, string Display, bool Explicit)>();
        ErrorLineRanker? stdinErrors = null;
        foreach (var name in names)
        {
            if (name == "-")
            {
                files.Add((name, name, true));
            }
            else if (FileKinds.Of(name).Kind is var kind && kind == FileKind.Directory)
            {
                var found = new List<string>();
                LogFolder.Expand(name, depth, found, notes);
                files.AddRange(found.Select(f => (f, Path.GetRelativePath(name, f), false)));
                if (found.Count == 0)
                {
                    notes.Add(new LogInputNote(name, LogInputNote.Skipped, Messages.Current.Format("logs.folder.no-log")));
                }
            }
            else if (kind == FileKind.Regular)
            {
                files.Add((name, Path.GetFileName(name), true));
            }
            else
            {
                // A FIFO or a device would block or never end: refused before it is opened (stdin is `-`).
                failure = kind == FileKind.Missing
                    ? Messages.Current.Format("file.missing-file-or-folder", name)
                    : Messages.Current.Format("file.not-log-file", name, Localization.ErrorText.Kind(kind));
                return LogsResult.Empty;
            }
        }

        foreach (var (path, display, isExplicit) in files)
        {
            try
            {
                if (path == "-")
                {
                    stdinErrors = new ErrorLineRanker();
                    inputs.Add(ReadStdin(host, matcher, stdinErrors, ct));
                    continue;
                }

                using var stream = new CancellableStream(InputFile.OpenRead(path, bufferSize: 1), ct);
                var scan = scanner.Scan(display, stream, (e, recognized) => matcher.Observe(e, recognized));
                inputs.Add(new LogInput(display, scan.Lines, scan.Recognized, KnownLogs.ByFileName(display), scan.Filtered));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InputFileException)
            {
                if (isExplicit)
                {
                    failure = Messages.Current.Format("file.cannot-read", path, Localization.ErrorText.Of(ex).ReplaceLineEndings(" "));
                    return LogsResult.Empty;
                }

                notes.Add(new LogInputNote(path, LogInputNote.Unreadable, ex.Message.ReplaceLineEndings(" ")));
            }
        }

        var candidates = matcher.Candidates();
        if (candidates.Count > 0)
        {
            return new LogsResult(inputs, notes, candidates, [], null, candidates[0].NodeId);
        }

        var errors = stdinErrors ?? new ErrorLineRanker();
        foreach (var (path, display, _) in files.Where(f => f.Path != "-"))
        {
            RankErrors(path, display, matcher, errors, notes, ct);
        }

        var ranked = errors.Top(LogsOutput.ErrorLinesShown);
        var symptom = SuggestedSymptom.For(ranked);
        var startAt = symptom is null ? null : content.Tree.Symptoms.FirstOrDefault(s => s.Id == symptom)?.Next;
        return new LogsResult(inputs, notes, candidates, ranked, symptom, startAt);
    }

    private static LogInput ReadStdin(CliHost host, LogMatcher matcher, ErrorLineRanker errors, CancellationToken ct)
    {
        var recognizer = new LogRecognizer();
        var counter = new LineCounter();
        foreach (var entry in LogParser.Parse("-", new CancellableReader(host.In, ct), counter))
        {
            var recognized = recognizer.Observe(entry);
            matcher.Observe(entry, recognized);
            errors.Observe(entry, matcher.LogOf(entry, recognized));
        }

        return new LogInput("-", counter.Lines, recognizer.Current, null, Filtered: false);
    }

    /// <summary>The second pass when nothing matched: every entry, for its error and warning lines.</summary>
    private static void RankErrors(string path, string display, LogMatcher matcher, ErrorLineRanker errors, List<LogInputNote> notes, CancellationToken ct)
    {
        try
        {
            LogRecognition? recognized;
            using (var head = InputFile.OpenRead(path))
            {
                recognized = LogFile.RecognizeHead(head, display);
            }

            using var reader = new CancellableReader(LogFile.OpenText(InputFile.OpenRead(path)), ct);
            foreach (var entry in LogParser.Parse(display, reader))
            {
                errors.Observe(entry, matcher.LogOf(entry, recognized));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InputFileException)
        {
            notes.Add(new LogInputNote(path, LogInputNote.Unreadable, ex.Message.ReplaceLineEndings(" ")));
        }
    }
}
