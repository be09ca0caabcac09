using System.CommandLine;
using OobWizard.Probes;
using OobWizard.Probes.Amt;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard check --target HOST`: every probe once, read like the wizard (the same glyphs, one line per probe, then
/// its evidence and suggested diagnoses), or JSON. The AMT probes go one request at a time; the DNS and host probes
/// run alongside. Exit 0 when nothing was found wrong (checks that could not decide are listed), 1 on a finding or
/// an error, 2 on usage, 130 when interrupted.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        _ = common;
        var probeOptions = new ProbeOptions();
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the evidence of passing probes too" };
        var httpPort = new Option<int?>("--http-port") { Description = "WS-Man HTTP port (default 16992; lab devices may use others)" }.Port();
        var tlsPort = new Option<int?>("--tls-port") { Description = "WS-Man TLS port (default 16993)" }.Port();
        var redirectionPort = new Option<int?>("--redirection-port") { Description = "Redirection port (default 16994; TLS is the next one)" }.Port(max: 65534);
        var rmcpPort = new Option<int?>("--rmcp-port") { Description = "UDP port of the RMCP presence ping (default 623)" }.Port();
        var command = new Command("check", "Run every probe once against a computer and summarise the findings")
        {
            json, verbose, httpPort, tlsPort, redirectionPort, rmcpPort,
        };
        probeOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(probeOptions.Target);
            if (string.IsNullOrWhiteSpace(target))
            {
                host.Err.WriteLine("oobwizard: " + Messages.Current.Format("check.needs-target"));
                return 2;
            }

            if (probeOptions.PortConflict(parse, parse.GetValue(httpPort), parse.GetValue(tlsPort)) is { } conflict)
            {
                return host.Fail(conflict);
            }

            var user = parse.GetValue(probeOptions.User) ?? "admin";
            var context = probeOptions.Build(parse, host,
                password: () => host.Env("OOBW_AMT_PASSWORD") ?? host.ReadSecret?.Invoke(Messages.Current.Format("check.password-prompt", user)),
                httpPort: parse.GetValue(httpPort), tlsPort: parse.GetValue(tlsPort));
            if (context.Insecure)
            {
                host.Err.WriteLine("oobwizard: " + Messages.Current.Format("check.insecure"));
            }

            var redirection = parse.GetValue(redirectionPort) ?? 16994;
            var options = AmtProbeOptions.Default with
            {
                RedirectionPort = redirection,
                RedirectionTlsPort = redirection + 1,
                RmcpPort = parse.GetValue(rmcpPort) ?? 623,
                ExtraTcpPorts = parse.GetValue(httpPort) is null ? AmtProbeOptions.Default.ExtraTcpPorts : [],
            };

            var asJson = parse.GetValue(json);
            var showAll = parse.GetValue(verbose);
            if (!asJson)
            {
                host.Out.WriteLine(Messages.Current.Format(string.IsNullOrEmpty(context.Password) ? "check.heading.no-password" : "check.heading", context.Target, user));
            }

            try
            {
                // DNS and host probes send nothing to the device: they run alongside the AMT chain, and are printed after it.
                var started = host.Clock.Now;
                var printed = 0;
                var report = await TargetCheck.RunAsync(context, options, entry =>
                {
                    printed++;
                    if (!asJson) WriteEntry(host.Out, entry, showAll);
                }, ct).ConfigureAwait(false);
                if (!asJson)
                {
                    foreach (var entry in report.Entries.Skip(printed)) WriteEntry(host.Out, entry, showAll);
                }

                // Active Directory and certificate probes (issue 13): only when their options are given.
                var moreEntries = await CheckMore.RunAsync(context, entry =>
                {
                    if (!asJson) WriteEntry(host.Out, entry, showAll);
                }, ct).ConfigureAwait(false);
                // The summary's time is the whole check's, measured on the host's clock: AMT, DNS, directory and certificates.
                report = report with { Entries = [.. report.Entries, .. moreEntries], Elapsed = host.Clock.Now - started };
                if (asJson)
                {
                    host.Out.WriteLine(report.ToJson());
                }
                else
                {
                    host.Out.WriteLine();
                    host.Out.WriteLine(Summary(report));
                    if (report.SuggestedDiagnoses.Count > 0)
                    {
                        host.Out.WriteLine(Messages.Current.Format("check.suggested", string.Join(", ", report.SuggestedDiagnoses)));
                    }
                }

                return report.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // An interrupted probe is reported as interrupted, never as "no answer".
                host.Out.Flush();
                host.Err.WriteLine("oobwizard: " + Messages.Current.Format("check.interrupted"));
                return 130;
            }
        });
        return command;
    }

    /// <summary>"10 passed, 1 finding, 1 inconclusive, 0 errors in 0.4 s" in the run's language: plural forms right.</summary>
    public static string Summary(AmtCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = Messages.Current;
        return m.Format("check.summary", report.Count(ProbeOutcome.Pass), m.Count("check.findings", report.Count(ProbeOutcome.Finding)),
            report.Count(ProbeOutcome.Inconclusive), m.Count("check.errors", report.Count(ProbeOutcome.Error)), report.Elapsed.TotalSeconds);
    }

    /// <summary>The wizard's glyph for the outcome (<see cref="OutcomeGlyph"/>): ✓ pass, ✗ finding, ? inconclusive, ! error.</summary>
    public static string Glyph(ProbeOutcome outcome) => OutcomeGlyph.For(outcome.ToString().ToLowerInvariant(), unicode: true);

    internal static void WriteEntry(TextWriter output, AmtCheckEntry entry, bool showEvidence)
    {
        var r = entry.Result;
        // As the wizard shows a probe: glyph, id, summary. The verdict is the content's key, in --json and -v.
        output.WriteLine($"{Glyph(r.Outcome)} {r.ProbeId}: {ProbeText.Summary(r)}");
        if (showEvidence && r.Outcome is ProbeOutcome.Pass or ProbeOutcome.Finding)
        {
            output.WriteLine("      • " + Messages.Current.Format("check.verdict", r.Verdict));
        }

        if (showEvidence || r.Outcome != ProbeOutcome.Pass)
        {
            foreach (var e in r.Evidence)
            {
                output.WriteLine($"      • {ProbeText.EvidenceName(e)}: {ProbeText.EvidenceValue(e)}");
            }
        }

        if (r.SuggestedDiagnoses.Count > 0)
        {
            output.WriteLine("      → " + Messages.Current.Format("check.diagnosis", string.Join(", ", r.SuggestedDiagnoses)));
        }
    }
}
