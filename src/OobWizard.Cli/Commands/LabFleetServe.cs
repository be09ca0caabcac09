using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OobWizard.Cli.Rendering;
using OobWizard.Core.Files;
using OobWizard.Lab;
using OobWizard.Lab.Fleet;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard lab serve --fleet N [--mix ...] [--write-targets FILE]`: many lab devices on distinct loopback addresses in
/// one process (<see cref="LabFleet"/>), with the target list for `oobwizard scan`. Its options are a block of their
/// own, added to `lab serve`.
/// </summary>
public sealed class LabFleetServe
{
    /// <summary>`lab serve`'s --force (shared with --write-root-ca).</summary>
    public Option<bool> Force { get; }

    public Option<int?> Fleet { get; } = new("--fleet") { Description = "Serve N devices on distinct 127.x.y.z addresses (from 127.100.0.1, or --address) with shared listeners; Linux" };
    public Option<string?> Mix { get; } = new("--mix") { Description = $"Scenario weights for --fleet, NAME=WEIGHT,... ('{LabFleetMix.Silent}': nothing answers); default {LabFleetMix.DefaultText}" };
    public Option<FileInfo?> WriteTargets { get; } = new("--write-targets") { Description = "Write the fleet's target list (CSV: host, fqdn, notes) for `oobwizard scan --targets`" };
    public Option<int> ResponseDelay { get; } = new("--response-delay") { Description = "Milliseconds each fleet device takes per WS-Man request, one at a time (real AMT: about 250)", DefaultValueFactory = _ => 0 };
    public Option<int> Seed { get; } = new("--seed") { Description = "Fixes which address gets which scenario", DefaultValueFactory = _ => 1 };

    /// <param name="force">`lab serve`'s own --force, which also lets --write-targets replace a file.</param>
    public LabFleetServe(Option<bool> force)
    {
        Force = force;
        Fleet.Validators.Add(r =>
        {
            // A word that is no number is the parser's own error; GetValueOrDefault would throw on it.
            var token = r.Tokens.FirstOrDefault()?.Value;
            if (int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is < 1 or > LabFleetOptions.MaxCount) r.AddError(Messages.Current.Format("error.fleet-count", LabFleetOptions.MaxCount, r.Tokens.FirstOrDefault()?.Value));
        });
        ResponseDelay.Validators.Add(r =>
        {
            if (int.TryParse(r.Tokens.FirstOrDefault()?.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms is < 0 or > 60_000) r.AddError(Messages.Current.Format("error.response-delay", r.Tokens.FirstOrDefault()?.Value));
        });
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var o in new Option[] { Fleet, Mix, WriteTargets, ResponseDelay, Seed }) command.Options.Add(o);
    }

    /// <summary>Whether the command line asks for a fleet.</summary>
    public bool Requested(ParseResult parse) => parse.GetValue(Fleet) is not null;

    /// <summary>Runs the fleet until Ctrl+C. <paramref name="address"/>, <paramref name="port"/> and <paramref name="rootCa"/> (--write-root-ca) are `lab serve`'s own options.</summary>
    public async Task<int> RunAsync(CliHost host, ParseResult parse, string? address, int? port, string user, FileInfo? rootCa, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(parse);
        var count = parse.GetValue(Fleet)!.Value;
        var mixText = parse.GetValue(Mix);
        var mixError = "";
        var mix = mixText is null ? LabFleetMix.Default : LabFleetMix.Parse(mixText, out mixError);
        if (mix is null) return host.Fail(mixError);

        var first = IPAddress.Parse("127.100.0.1");
        if (address is not null && (!IPAddress.TryParse(address, out first) || first.AddressFamily != AddressFamily.InterNetwork || !IPAddress.IsLoopback(first)))
        {
            return host.Fail(Messages.Current.Format("error.lab-fleet-address", address));
        }

        if (LabFleet.Addresses(first, count) is null)
        {
            return host.Fail(Messages.Current.Format("error.lab-fleet-past-end", count, first));
        }

        if (port is < 1 or > 65532) return host.Fail(Messages.Current.Format("error.lab-port-range"));

        // Refused before the fleet starts, not after.
        var targets = parse.GetValue(WriteTargets);
        var force = parse.GetValue(Force);
        foreach (var (file, option) in new[] { (targets, "--write-targets"), (rootCa, "--write-root-ca") })
        {
            if (file is not null && !force && FileKinds.Of(file.FullName).Kind != FileKind.Missing)
            {
                return host.Fail(Messages.Current.Format("error.exists-force", option, file.FullName));
            }
        }

        // The password is the user's (OOBW_AMT_PASSWORD) or made up for this run; it is shown, never stored.
        var fromEnv = host.Env("OOBW_AMT_PASSWORD");
        var credentials = string.IsNullOrEmpty(fromEnv) ? LabCredentials.Random(user) : new LabCredentials(user, fromEnv);
        LabFleet fleet;
        try
        {
            fleet = await LabFleet.StartAsync(new LabFleetOptions
            {
                Count = count,
                Mix = mix,
                FirstAddress = first,
                BasePort = port,
                Credentials = credentials,
                ResponseDelay = TimeSpan.FromMilliseconds(parse.GetValue(ResponseDelay)),
                Seed = parse.GetValue(Seed),
            }, CancellationToken.None).ConfigureAwait(false); // a start takes a moment; Ctrl+C then stops the fleet as usual

        }
        catch (PlatformNotSupportedException)
        {
            return host.Fail(Messages.Current.Format("lab.fleet.linux-only"), 1); // LabLoopbackSockets.Unsupported, in the run's language
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            var where = port is null ? "a free block of four ports" : string.Create(CultureInfo.InvariantCulture, $"ports {port}-{port + 3}");
            return host.Fail(Messages.Current.Format("error.lab-fleet-cannot-listen", where, ex.Message), 1);
        }

        await using (fleet.ConfigureAwait(false))
        {
            var devices = fleet.Devices;
            var columns = WrappedText.TerminalWidth(host.OutputIsTerminal);
            WrappedText.Write(host.Out, Messages.Current.Format("lab.fleet.heading", devices.Count, devices[0].Address, devices[^1].Address), columns);
            var width = Math.Max(12, mix.Parts.Max(p => p.Name.Length));
            foreach (var (name, n) in mix.Counts(count))
            {
                var diagnosis = name == LabFleetMix.Silent ? Messages.Current.Format("lab.fleet.silent") : LabScenarios.Find(name)!.DiagnosisId;
                host.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name.PadRight(width)} {n,6}  ({diagnosis})"));
            }

            host.Out.WriteLine(Messages.Current.Format("lab.fleet.ports", fleet.HttpPort, fleet.TlsPort, fleet.RedirectionPort, fleet.RedirectionPort + 1, fleet.RmcpPort));
            host.Out.WriteLine(LabText.Credentials(credentials, !string.IsNullOrEmpty(fromEnv)));
            if (targets is not null)
            {
                if (host.WriteOutput(targets.FullName, "--write-targets", fleet.TargetList(), force) is not 0 and var failed) return failed;
                host.Out.WriteLine(Messages.Current.Format("lab.fleet.targets-written", targets.FullName));
            }

            if (rootCa is not null)
            {
                // Every device of the fleet trusts the one lab root: with --root-ca, amt.cert-hashes can decide.
                if (host.WriteOutput(rootCa.FullName, "--write-root-ca", LabCertificates.ProvisioningRoot.ExportCertificatePem(), force) is not 0 and var failed) return failed;
                host.Out.WriteLine(Messages.Current.Format("lab.root-ca-written", rootCa.FullName));
            }

            // The command on a line of its own, never wrapped by us: the terminal's own wrap keeps it one line to copy.
            host.Out.WriteLine(Messages.Current.Format("lab.try"));
            host.Out.WriteLine("  " + string.Create(CultureInfo.InvariantCulture,
                $"{LabText.CommandStart(credentials, !string.IsNullOrEmpty(fromEnv))} scan --targets {(targets is null ? Messages.Current.Format("lab.fleet.targets-placeholder") : LabText.PathWord(targets))} --http-port {fleet.HttpPort} --tls-port {fleet.TlsPort} --redirection-port {fleet.RedirectionPort} --rmcp-port {fleet.RmcpPort}{(rootCa is null ? "" : " --root-ca " + LabText.PathWord(rootCa))}{LabText.UserOption(credentials)}"));
            host.Out.WriteLine(Messages.Current.Format("lab.press-ctrl-c"));
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is the normal way out of `lab serve`.
            }

            if (columns is not null) host.Out.WriteLine(); // past the terminal's "^C"
            WrappedText.Write(host.Out, Messages.Current.Format("lab.fleet.served", fleet.RequestCount, fleet.RefusedAuthorizations, fleet.PeakInFlight), columns);
            return 0;
        }
    }
}
