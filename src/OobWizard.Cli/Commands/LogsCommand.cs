using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OobWizard.Cli.Json;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Files;
using OobWizard.Core.Content;
using OobWizard.Core.Tree;
using OobWizard.Logs;
using LogSignature = OobWizard.Logs.LogSignature;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard logs FILE... [--json] [--start]`: reads ConfigMgr logs (CCM, SMS trace or CMTrace
/// clipboard text; `-` is stdin), matches them against the diagnoses' log signatures and lists the
/// candidates, best first. `--start` opens the wizard (offline) at the best one.
/// Exit 0: something matched; 1: nothing did; 2: bad input.
/// </summary>
public static class LogsCommand
{
    /// <summary>How many matching lines of one diagnosis the text output shows.</summary>
    private const int LinesShown = 5;

    private const int MessageWidth = 160;

    public static Command Create(CliHost host, CommonOptions common, Option<bool> plain, Option<string?> session)
    {
        var files = new Argument<string[]>("FILE") { Description = "Log files (Amtopmgr.log, Oobconsole.log, …; .lo_ too); - reads standard input", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the candidates as JSON" };
        var start = new Option<bool>("--start") { Description = "Start the wizard (offline) at the best candidate" };
        var command = new Command("logs", "Match ConfigMgr log files against the known causes and list the candidates") { files, json, start, plain, session };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(json) && parse.GetValue(start))
            {
                return host.Fail("--json and --start cannot be combined");
            }

            var content = ContentLocator.Load(parse.GetValue(common.Content), host, out var error);
            if (content is null)
            {
                return host.Fail(error!);
            }

            var lang = common.Language(parse, host);
            var matcher = new LogMatcher(Signatures(content.Tree));
            var inputs = new List<(string Name, int Entries)>();
            var names = parse.GetValue(files) ?? [];
            if (names.Count(n => n == "-") > 1)
            {
                return host.Fail("-: standard input can be read only once");
            }

            // FIFOs, devices and folders are refused before anything is read (stdin is `-`).
            foreach (var name in names.Where(n => n != "-"))
            {
                if (FileKinds.Of(name).Kind is not FileKind.Regular and var kind)
                {
                    return host.Fail(kind switch
                    {
                        FileKind.Missing => $"{name}: no such file",
                        FileKind.Directory => $"{name}: is a folder, not a log file",
                        _ => $"{name} is {FileKinds.Describe(kind)}, not a log file; to read a stream, pipe it in: oobwizard logs - < {name}",
                    });
                }
            }

            try
            {
                foreach (var name in names)
                {
                    var before = matcher.EntriesSeen;
                    if (Read(host, name, matcher, ct) is { } failure)
                    {
                        return host.Fail(failure);
                    }

                    inputs.Add((name, matcher.EntriesSeen - before));
                }
            }
            catch (OperationCanceledException)
            {
                host.Err.WriteLine($"oobwizard: interrupted after {matcher.EntriesSeen} log entries; nothing was matched");
                return 130;
            }

            var candidates = matcher.Candidates();
            if (parse.GetValue(json))
            {
                WriteJson(host.Out, content, lang, inputs, candidates);
                return candidates.Count > 0 ? 0 : 1;
            }

            WriteText(host.Out, content, lang, inputs, candidates);
            if (candidates.Count == 0 || !parse.GetValue(start))
            {
                return candidates.Count > 0 ? 0 : 1;
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
                JumpTo: candidates[0].DiagnosisId);
            return await WizardLauncher.RunAsync(host, wizard, ProbeCatalog.Runner(), () => new OobWizard.Probes.ProbeContext(), ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Every diagnosis's signatures; Order is the node's position in the tree's load order.</summary>
    public static IReadOnlyList<LogSignature> Signatures(DecisionTree tree) =>
        tree.Nodes
            .OrderBy(n => n.Source.File, StringComparer.Ordinal)
            .ThenBy(n => n.Source.Line)
            .Select((node, order) => (node, order))
            .Where(x => x.node.Kind == NodeKind.Diagnosis)
            .SelectMany(x => x.node.Logs.Select(l => new LogSignature(x.node.Id, l.File, l.Text, x.order)))
            .ToList();

    /// <summary>Feeds one input to the matcher; returns a one-line error naming it, or null.</summary>
    private static string? Read(CliHost host, string name, LogMatcher matcher, CancellationToken ct)
    {
        try
        {
            if (name == "-")
            {
                foreach (var entry in LogParser.Parse(name, new CancellableReader(host.In, ct)))
                {
                    matcher.Observe(entry);
                }

                return null;
            }

            using var reader = new CancellableReader(LogFile.OpenText(name), ct);
            foreach (var entry in LogParser.Parse(Path.GetFileName(name), reader))
            {
                matcher.Observe(entry);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"{name}: cannot read it: {ex.Message}";
        }
    }

    private static string Display(string file) => file == "-" ? "stdin" : file;

    private static void WriteText(TextWriter w, ContentSet content, string lang, List<(string Name, int Entries)> inputs, IReadOnlyList<LogCandidate> candidates)
    {
        w.WriteLine(string.Join("; ", inputs.Select(i => $"{Display(i.Name)}: {i.Entries} {(i.Entries == 1 ? "entry" : "entries")}")));
        if (candidates.Count == 0)
        {
            w.WriteLine("No known log signature matched.");
            var known = content.Tree.Nodes.SelectMany(n => n.Logs).Select(l => l.File).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (inputs.Any(i => i.Name != "-" && !known.Any(k => LogMatcher.SameFile(k, i.Name))))
            {
                w.WriteLine($"Signatures are matched by log name ({string.Join(", ", known)}); pasted text can be piped in: oobwizard logs - < FILE");
            }

            return;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var total = content.Tree.Find(c.DiagnosisId)?.Logs.Count ?? c.Signatures.Count;
            w.WriteLine();
            w.WriteLine($"{i + 1}. {content.Text(lang, c.DiagnosisId).Title}");
            w.WriteLine($"   {c.DiagnosisId}: {c.Signatures.Count} of {total} signatures, {c.HitCount} matching {(c.HitCount == 1 ? "line" : "lines")}");
            foreach (var hit in c.Hits.Take(LinesShown))
            {
                var location = $"{Display(hit.Entry.File)}:{hit.Entry.Line}";
                var lines = MatchedLines(hit);
                w.WriteLine($"   {location}  {OneLine(lines[0])}");
                foreach (var more in lines.Skip(1))
                {
                    w.WriteLine($"   {new string(' ', location.Length)}  {OneLine(more)}");
                }
            }

            if (c.HitCount > LinesShown)
            {
                w.WriteLine($"   … and {c.HitCount - LinesShown} more");
            }
        }

        w.WriteLine();
        w.WriteLine($"Start the wizard at {candidates[0].DiagnosisId}: add --start");
    }

    /// <summary>
    /// The lines of a (multi-line) message that hold a matched signature, in order; the first line
    /// when the match runs across lines.
    /// </summary>
    private static IReadOnlyList<string> MatchedLines(LogHit hit)
    {
        var lines = hit.Entry.Message.Split('\n');
        if (lines.Length == 1)
        {
            return lines;
        }

        var texts = hit.Signatures.Select(s => LogMatcher.Normalize(s.Text)).ToList();
        var matched = lines.Where(l => texts.Any(t => LogMatcher.Normalize(l).Contains(t, StringComparison.Ordinal))).ToList();
        return matched.Count > 0 ? matched : [lines[0]];
    }

    /// <summary>The message on one line: whitespace runs as one space, cut to the width.</summary>
    private static string OneLine(string message)
    {
        var sb = new StringBuilder(Math.Min(message.Length, MessageWidth + 1));
        var space = false;
        foreach (var ch in message)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            if (sb.Length >= MessageWidth)
            {
                sb.Append('…');
                break;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>Relaxed escaping: log text (German, Japanese) stays readable; control characters are still escaped.</summary>
    private static readonly CliJsonContext RelaxedJson = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static void WriteJson(TextWriter w, ContentSet content, string lang, List<(string Name, int Entries)> inputs, IReadOnlyList<LogCandidate> candidates)
    {
        var document = new LogsDocument(
            inputs.Select(i => new LogsInputDocument(i.Name, i.Entries)).ToList(),
            candidates.Select(c => new LogsCandidateDocument(
                c.DiagnosisId,
                content.Text(lang, c.DiagnosisId).Title,
                c.Order,
                c.Signatures.Select(s => new LogsSignatureDocument(s.File, s.Text)).ToList(),
                c.HitCount,
                c.Hits.Select(hit => new LogsHitDocument(
                    hit.Entry.File,
                    hit.Entry.Line,
                    hit.Entry.Message,
                    hit.Entry.Component,
                    hit.Entry.Timestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
                    hit.Entry.Severity.ToString().ToLowerInvariant(),
                    hit.Entry.Format.ToString().ToLowerInvariant(),
                    hit.Signatures.Select(s => s.Text).ToList())).ToList())).ToList());
        w.WriteLine(JsonSerializer.Serialize(document, RelaxedJson.LogsDocument));
    }
}
