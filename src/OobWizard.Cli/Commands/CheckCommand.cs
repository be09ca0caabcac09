using System.CommandLine;
using System.Globalization;
using OobWizard.Probes;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Dns;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard check --target HOST`: every AMT probe once, flutter-doctor style (a glyph and a line per probe, then its
/// evidence and suggested diagnoses), or JSON. Exit 0 when all pass, 1 on any finding or failed probe, 2 on usage.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        _ = common;
        var probeOptions = new ProbeOptions();
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the evidence of passing probes too" };
        var httpPort = new Option<int?>("--http-port") { Description = "WS-Man HTTP port (default 16992; lab devices may use others)" };
        var tlsPort = new Option<int?>("--tls-port") { Description = "WS-Man TLS port (default 16993)" };
        var redirectionPort = new Option<int?>("--redirection-port") { Description = "Redirection port (default 16994; TLS is the next one)" };
        var rmcpPort = new Option<int?>("--rmcp-port") { Description = "UDP port of the RMCP presence ping (default 623)" };
        var command = new Command("check", "Run every AMT probe once against a computer and summarise the findings")
        {
            json, verbose, httpPort, tlsPort, redirectionPort, rmcpPort,
        };
        probeOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(probeOptions.Target);
            if (string.IsNullOrWhiteSpace(target))
            {
                host.Err.WriteLine("oobwizard: check needs --target HOST (the AMT computer's FQDN or address)");
                return 2;
            }

            var user = parse.GetValue(probeOptions.User) ?? "admin";
            var context = probeOptions.Build(parse, host,
                password: () => host.Env("OOBW_AMT_PASSWORD") ?? host.ReadSecret?.Invoke($"AMT password for {user} (empty: skip the authenticated probes): "),
                httpPort: parse.GetValue(httpPort), tlsPort: parse.GetValue(tlsPort));
            if (context.Insecure)
            {
                host.Err.WriteLine("oobwizard: warning: --insecure sends the AMT password over TLS even when the device certificate does not validate");
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
                host.Out.WriteLine($"AMT check of {target} as {user}{(string.IsNullOrEmpty(context.Password) ? " (no password: authenticated probes are skipped)" : "")}");
            }

            var report = await AmtCheck.RunAsync(context, options, entry =>
            {
                if (!asJson) WriteEntry(host.Out, entry, showAll);
            }, ct).ConfigureAwait(false);

            // DNS and host probes (issue 5); they run only for a target given by name (or with --domain).
            var dnsEntries = await DnsCheck.RunAsync(context, entry =>
            {
                if (!asJson) WriteEntry(host.Out, entry, showAll);
            }, ct).ConfigureAwait(false);
            report = report with
            {
                Entries = [.. report.Entries, .. dnsEntries],
                Elapsed = report.Elapsed + TimeSpan.FromTicks(dnsEntries.Sum(e => e.Elapsed.Ticks)),
            };

            if (asJson)
            {
                host.Out.WriteLine(report.ToJson());
            }
            else
            {
                host.Out.WriteLine();
                host.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Count(ProbeOutcome.Pass)} passed, {report.Count(ProbeOutcome.Finding)} findings, {report.Count(ProbeOutcome.Inconclusive)} inconclusive, {report.Count(ProbeOutcome.Error)} errors in {report.Elapsed.TotalSeconds:0.0} s"));
                if (report.SuggestedDiagnoses.Count > 0)
                {
                    host.Out.WriteLine($"Suggested diagnoses: {string.Join(", ", report.SuggestedDiagnoses)}");
                }
            }

            return report.ExitCode;
        });
        return command;
    }

    /// <summary>Glyph from the outcome (flutter doctor): ✓ pass, ! finding, ? inconclusive, ✗ error.</summary>
    public static string Glyph(ProbeOutcome outcome) => outcome switch
    {
        ProbeOutcome.Pass => "[✓]",
        ProbeOutcome.Finding => "[!]",
        ProbeOutcome.Inconclusive => "[?]",
        _ => "[✗]",
    };

    private static void WriteEntry(TextWriter output, AmtCheckEntry entry, bool showEvidence)
    {
        var r = entry.Result;
        var verdict = r.Outcome == ProbeOutcome.Pass && r.Verdict == "pass" ? "" : r.Verdict + ": ";
        output.WriteLine($"{Glyph(r.Outcome)} {r.ProbeId,-20} {verdict}{r.Summary}");
        if (showEvidence || r.Outcome != ProbeOutcome.Pass)
        {
            foreach (var e in r.Evidence)
            {
                output.WriteLine($"      • {e.Name}: {e.Value}");
            }
        }

        if (r.SuggestedDiagnoses.Count > 0)
        {
            output.WriteLine($"      → diagnosis: {string.Join(", ", r.SuggestedDiagnoses)}");
        }
    }
}
