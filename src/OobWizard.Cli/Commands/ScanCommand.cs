using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OobWizard.Cli.Scan;
using OobWizard.Core.Files;
using OobWizard.Probes;
using OobWizard.Probes.Amt;
using Spectre.Console;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard scan --targets FILE|-`: `check`'s probes against every device of a list, many at once
/// (<see cref="ScanEngine"/>), with a progress bar and a summary grouped by diagnosis and by probe verdict; `--json`
/// writes each device's results as one JSON line as soon as it is checked. Exit 0 when no device had a finding or an
/// error, 1 when some did, 2 on usage or a bad list, 3 when the password was refused site-wide and the scan stopped,
/// 130 when interrupted.
/// </summary>
public static class ScanCommand
{
    /// <summary>Exit code of a scan stopped because the first devices refused the password.</summary>
    public const int ExitSiteRefused = 3;

    /// <summary>Bad lines and warnings shown before "... and N more".</summary>
    private const int ShownLines = 20;

    public static Command Create(CliHost host, CommonOptions common)
    {
        _ = common;
        var probeOptions = new ProbeOptions();
        var targets = new Option<string?>("--targets") { Description = ScanText.TargetsDescription };
        var parallel = new Option<int>("--parallel") { Description = ScanText.ParallelDescription, DefaultValueFactory = _ => 256 };
        var json = new Option<bool>("--json") { Description = ScanText.JsonDescription };
        var resumeFrom = new Option<string?>("--resume-from") { Description = ScanText.ResumeDescription };
        var shard = new Option<string?>("--shard") { Description = ScanText.ShardDescription };
        var continueOnAuthFail = new Option<bool>("--continue-on-auth-fail") { Description = ScanText.ContinueDescription };
        var authRefusals = new Option<int>("--auth-refusals") { Description = ScanText.RefusalsDescription, DefaultValueFactory = _ => 3 };
        var httpPort = new Option<int?>("--http-port") { Description = "WS-Man HTTP port of every device (default 16992; a host:port in the list wins)" };
        var tlsPort = new Option<int?>("--tls-port") { Description = "WS-Man TLS port (default 16993)" };
        var redirectionPort = new Option<int?>("--redirection-port") { Description = "Redirection port (default 16994; TLS is the next one)" };
        var rmcpPort = new Option<int?>("--rmcp-port") { Description = "UDP port of the RMCP presence ping (default 623)" };
        parallel.Validators.Add(r =>
        {
            // A word that is no number is the parser's own error (GetValueOrDefault would throw on it).
            if (int.TryParse(r.Tokens.FirstOrDefault()?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is < 1 or > 4096) r.AddError(ScanText.ParallelRange(r.Tokens.FirstOrDefault()?.Value));
        });
        authRefusals.Validators.Add(r =>
        {
            // A word that is no number is the parser's own error (GetValueOrDefault would throw on it).
            if (int.TryParse(r.Tokens.FirstOrDefault()?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is < 1 or > 100) r.AddError(ScanText.RefusalsRange(r.Tokens.FirstOrDefault()?.Value));
        });
        shard.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !ScanShard.TryParse(r.Tokens[0].Value, out _, out var error)) r.AddError(error);
        });

        var command = new Command("scan", ScanText.CommandDescription)
        {
            targets, parallel, json, resumeFrom, shard, continueOnAuthFail, authRefusals, httpPort, tlsPort, redirectionPort, rmcpPort,
        };
        foreach (var o in new Option[] { probeOptions.User, probeOptions.RootCa, probeOptions.CaFile, probeOptions.Insecure, probeOptions.Tls, probeOptions.Dns,
                     probeOptions.ServicePoint, probeOptions.Domain, probeOptions.Timeout, probeOptions.RequestTimeout, probeOptions.FirstContactTimeout })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(targets);
            if (string.IsNullOrWhiteSpace(source)) return host.Fail(ScanText.TargetsMissing);

            // The list: every bad line named, and nothing checked until the list is right.
            var fromStdin = source == "-";
            if (Read(host, "--targets", source, ReadLimit.TargetList, r => ScanTargetList.Parse(r, fromStdin ? "<stdin>" : source), ct, out var list) is { } readFailed) return readFailed;
            Show(host.Err, list!.Warnings, list.WarningCount);
            if (list.ErrorCount > 0)
            {
                Show(host.Err, list.Errors, list.ErrorCount);
                return host.Fail(ScanText.BadLines(list.ErrorCount));
            }

            if (list.Targets.Count == 0) return host.Fail(ScanText.EmptyList(fromStdin ? "-" : source));

            ScanShard.TryParse(parse.GetValue(shard) ?? "1/1", out var part, out _);
            var mine = part!.Select(list.Targets);
            var skipped = 0;
            if (parse.GetValue(resumeFrom) is { } resumePath)
            {
                var wanted = mine.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
                if (Read(host, "--resume-from", resumePath, ReadLimit.ScanResults, r => ScanResumeFile.Read(r, resumePath, wanted), ct, out var resume) is { } resumeFailed) return resumeFailed;
                Show(host.Err, resume!.Warnings, resume.WarningCount);
                if (resume.Error is { } notRecords) return host.Fail(notRecords);
                var left = mine.Where(t => !resume.Done.Contains(t.Key)).ToList();
                skipped = mine.Count - left.Count;
                mine = left;
            }

            var shardText = part.Count > 1 ? part.ToString() : null;
            var asJson = parse.GetValue(json);
            var report = asJson ? host.Err : host.Out;
            var reportIsTerminal = asJson ? host.ErrorIsTerminal : host.OutputIsTerminal;
            var reportConsole = ConsoleFor(report, reportIsTerminal);
            if (mine.Count == 0)
            {
                report.WriteLine(ScanText.NothingLeft(skipped, shardText));
                return 0;
            }

            var user = parse.GetValue(probeOptions.User) ?? "admin";
            var template = probeOptions.Build(parse, host,
                password: () => host.Env("OOBW_AMT_PASSWORD") ?? (fromStdin ? null : host.ReadSecret?.Invoke(ScanText.PasswordPrompt(user))),
                httpPort: parse.GetValue(httpPort), tlsPort: parse.GetValue(tlsPort));
            if (string.IsNullOrEmpty(template.Password)) host.Warn(ScanText.NoPassword);
            if (template.Insecure) host.Warn(ScanText.Insecure);
            var redirection = parse.GetValue(redirectionPort) ?? 16994;
            var options = AmtProbeOptions.Default with
            {
                RedirectionPort = redirection,
                RedirectionTlsPort = redirection + 1,
                RmcpPort = parse.GetValue(rmcpPort) ?? 623,
                ExtraTcpPorts = parse.GetValue(httpPort) is null ? AmtProbeOptions.Default.ExtraTcpPorts : [],
            };

            var gate = parse.GetValue(continueOnAuthFail) || string.IsNullOrEmpty(template.Password) ? null : new SiteCredentialGate(parse.GetValue(authRefusals));
            var tally = new ScanTally();
            var refusedHosts = new List<string>();
            var write = new Lock();
            var engine = new ScanEngine(mine, template, options, parse.GetValue(parallel), gate, result =>
            {
                lock (write)
                {
                    if (asJson)
                    {
                        // One whole line per device, flushed at once: a run stopped at any point keeps every line it wrote.
                        host.Out.Write(result.ToJsonLine() + "\n");
                        host.Out.Flush();
                    }

                    tally.Add(result);
                    if (result.Status == ScanStatus.Refused && refusedHosts.Count < Math.Min(gate?.Probation ?? 0, 5)) refusedHosts.Add(result.Target.Host);
                }

                return ValueTask.CompletedTask;
            });

            report.WriteLine(ScanText.Start(mine.Count, user, Math.Min(engine.Parallel, mine.Count), skipped, shardText));
            // The bar goes where a terminal is: standard output unless that carries the JSON Lines or is redirected.
            var live = !asJson && host.OutputIsTerminal ? reportConsole : host.ErrorIsTerminal ? ConsoleFor(host.Err, true) : null;
            var progress = new ScanProgress(live, live is null ? host.Err : null, () => (tally.Done, mine.Count, tally.WithFindings));
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var stop = await progress.RunAsync(() => engine.RunAsync(ct)).ConfigureAwait(false);
                if (stop == ScanStop.SiteRefused)
                {
                    report.WriteLine(ScanText.SiteRefused(gate!.Probation, user, refusedHosts));
                    if (host.InputIsTerminal && !fromStdin && Ask(host, report, ScanText.AskContinue(engine.Remaining)))
                    {
                        engine.Overrule();
                        continue;
                    }

                    ScanSummary.Write(reportConsole, tally, mine.Count, watch.Elapsed, hintJson: false);
                    report.WriteLine();
                    report.WriteLine(ScanText.StoppedOnRefusal);
                    return ExitSiteRefused;
                }

                ScanSummary.Write(reportConsole, tally, mine.Count, watch.Elapsed, hintJson: !asJson && stop == ScanStop.Completed);
                if (stop == ScanStop.Interrupted)
                {
                    report.WriteLine();
                    report.WriteLine(ScanText.Interrupted(tally.Done, mine.Count));
                    report.WriteLine(asJson ? ScanText.ResumeHintJson : ScanText.ResumeHintText);
                    return 130;
                }

                return tally.NotOk > 0 ? 1 : 0;
            }
        });
        return command;
    }

    /// <summary>
    /// Reads a list file through <see cref="InputFile"/> (a regular file of at most <paramref name="limit"/>; FIFOs and
    /// devices refused before opening), or standard input for "-"; Ctrl+C stops either read. A non-null return is the
    /// exit code after a one-line error.
    /// </summary>
    private static int? Read<T>(CliHost host, string option, string path, ReadLimit limit, Func<TextReader, T> parse, CancellationToken ct, out T? result)
        where T : class
    {
        result = null;
        try
        {
            if (path == "-")
            {
                result = parse(new CancellableReader(host.In, ct)); // not disposed: standard input stays open
                return null;
            }

            using var reader = new CancellableReader(InputFile.OpenText(path, limit), ct);
            result = parse(reader);
            return null;
        }
        catch (InputFileException ex)
        {
            return host.Fail($"{option} {Localization.ErrorText.Of(ex)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return host.Fail(ScanText.CannotRead(option, path, ex.Message));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            host.Err.WriteLine("oobwizard: " + ScanText.ReadInterrupted(option));
            return 130;
        }
    }

    /// <summary>The first <see cref="ShownLines"/> of <paramref name="lines"/>, then how many more of <paramref name="total"/> there were.</summary>
    private static void Show(TextWriter err, IReadOnlyList<string> lines, int total)
    {
        foreach (var line in lines.Take(ShownLines)) err.WriteLine("oobwizard: " + line);
        var shown = Math.Min(ShownLines, lines.Count);
        if (total > shown) err.WriteLine("oobwizard: " + ScanText.AndMore(total - shown));
    }

    private static bool Ask(CliHost host, TextWriter report, string question)
    {
        report.Write(question);
        report.Flush();
        return YesAnswer.IsYes(host.In.ReadLine(), Messages.Current);
    }

    /// <summary>A Spectre console on <paramref name="writer"/>: full on a terminal, plain text (no ANSI, 80 columns) elsewhere.</summary>
    private static IAnsiConsole ConsoleFor(TextWriter writer, bool terminal)
    {
        if (terminal) return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new TrimmingWriter(writer)),
        });
        console.Profile.Width = 80;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
