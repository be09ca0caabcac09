using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OobWizard.Cli.Rendering;
using OobWizard.Core.Files;
using OobWizard.Lab;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard lab list` names the simulated AMT scenarios; `oobwizard lab serve` runs one (or all) on loopback until
/// Ctrl+C, for training and for trying other tools against a device that misbehaves on purpose.
/// </summary>
public static class LabCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        _ = common;
        var lab = new Command("lab", "Simulated Intel AMT devices on loopback (no hardware needed)");
        lab.Subcommands.Add(List(host));
        lab.Subcommands.Add(Serve(host));
        return lab;
    }

    private static Command List(CliHost host)
    {
        var command = new Command("list", "Name the lab scenarios and the diagnosis each reproduces");
        command.SetAction(_ =>
        {
            var width = LabScenarios.All.Max(s => s.Name.Length);
            var dwidth = LabScenarios.All.Max(s => s.DiagnosisId.Length);
            var columns = WrappedText.TerminalWidth(host.OutputIsTerminal);
            foreach (var s in LabScenarios.All)
            {
                var line = $"{s.Name.PadRight(width)}  {s.DiagnosisId.PadRight(dwidth)}  {LabText.Summary(s)}";
                if (columns is null || WrappedText.Columns(line) <= columns)
                {
                    host.Out.WriteLine(line);
                    continue;
                }

                // A narrow terminal: the summary goes under the name, wrapped between words (or Japanese characters).
                host.Out.WriteLine($"{s.Name.PadRight(width)}  {s.DiagnosisId}");
                WrappedText.Write(host.Out, LabText.Summary(s), columns, prefix: "    ");
            }

            return 0;
        });
        return command;
    }

    private static Command Serve(CliHost host)
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario name (see `oobwizard lab list`), or 'all' for one device per scenario", DefaultValueFactory = _ => "healthy" };
        var address = new Option<string?>("--address") { Description = "Loopback address to listen on (default 127.0.99.1; 'all' counts up from it)" };
        var port = new Option<int?>("--port") { Description = "WS-Man HTTP port (default 16992); TLS, redirection and redirection TLS take the next three" }.Port(max: 65532);
        var user = new Option<string>("--user") { Description = "User name the device accepts", DefaultValueFactory = _ => "admin" };
        var rootCaOut = new Option<FileInfo?>("--write-root-ca") { Description = "Write the lab's provisioning root CA (public certificate) to this PEM file, for --root-ca" };
        var force = new Option<bool>("--force") { Description = "Replace the --write-root-ca (or, with --fleet, --write-targets) file if it exists" };
        var command = new Command("serve", "Run lab devices until Ctrl+C") { scenario, address, port, user, rootCaOut, force };
        var fleet = new LabFleetServe(force);
        fleet.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (fleet.Requested(parse))
            {
                if (parse.GetResult(scenario) is { Implicit: false }) return host.Fail(Messages.Current.Format("error.lab-fleet-scenario"));
                return await fleet.RunAsync(host, parse, parse.GetValue(address), parse.GetValue(port), parse.GetValue(user) ?? "admin", parse.GetValue(rootCaOut), ct).ConfigureAwait(false);
            }

            var name = parse.GetValue(scenario) ?? "healthy";
            IReadOnlyList<LabScenario> scenarios = string.Equals(name, "all", StringComparison.OrdinalIgnoreCase)
                ? LabScenarios.All
                : LabScenarios.Find(name) is { } one ? [one] : [];
            if (scenarios.Count == 0)
            {
                return host.Fail(Messages.Current.Format("error.lab-no-scenario", name));
            }

            if (!IPAddress.TryParse(parse.GetValue(address) ?? "127.0.99.1", out var first) || first.AddressFamily != AddressFamily.InterNetwork)
            {
                return host.Fail(Messages.Current.Format("error.lab-address-ipv4"));
            }

            // A simulated device answers with made-up credentials and certificates: keep it off the network.
            if (!IPAddress.IsLoopback(first))
            {
                return host.Fail(Messages.Current.Format("error.lab-address-loopback", first));
            }

            var basePort = parse.GetValue(port) ?? 16992;
            if (basePort is < 1 or > 65532)
            {
                return host.Fail(Messages.Current.Format("error.lab-port-range"));
            }

            // Refused before any device starts, not after.
            if (parse.GetValue(rootCaOut) is { } caFile && !parse.GetValue(force) && FileKinds.Of(caFile.FullName).Kind != FileKind.Missing)
            {
                return host.Fail(Messages.Current.Format("error.exists-force", "--write-root-ca", caFile.FullName));
            }

            // The password is the user's (OOBW_AMT_PASSWORD) or made up for this run; it is shown, never stored.
            var fromEnv = host.Env("OOBW_AMT_PASSWORD");
            var credentials = string.IsNullOrEmpty(fromEnv)
                ? LabCredentials.Random(parse.GetValue(user) ?? "admin")
                : new LabCredentials(parse.GetValue(user) ?? "admin", fromEnv);
            var ports = new LabPorts { Http = basePort, Tls = basePort + 1, Redirection = basePort + 2, RedirectionTls = basePort + 3, Rmcp = 0 };

            var devices = new List<LabDevice>();
            try
            {
                var bytes = first.GetAddressBytes();
                foreach (var s in scenarios)
                {
                    var at = new IPAddress(bytes);
                    try
                    {
                        devices.Add(await LabDevice.StartAsync(s, at, ports, credentials, ct).ConfigureAwait(false));
                    }
                    catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
                    {
                        return host.Fail(Messages.Current.Format("error.lab-cannot-listen", at, basePort, ex.Message), 1);
                    }

                    bytes[3]++;
                    if (bytes[3] == 0) bytes[2]++;
                }

                if (parse.GetValue(rootCaOut) is { } file)
                {
                    if (host.WriteOutput(file.FullName, "--write-root-ca", devices[0].Endpoint.ProvisioningRootCaPem, parse.GetValue(force)) is not 0 and var failed)
                    {
                        return failed;
                    }

                    host.Out.WriteLine(Messages.Current.Format("lab.root-ca-written", file.FullName));
                }

                var columns = WrappedText.TerminalWidth(host.OutputIsTerminal);
                foreach (var d in devices)
                {
                    var e = d.Endpoint;
                    var redirection = Messages.Current.Format("lab.redirection",
                        e.RedirectionPort is null ? Messages.Current.Format("lab.redirection-closed") : string.Create(CultureInfo.InvariantCulture, $"{e.RedirectionPort}/{e.RedirectionTlsPort}"));
                    var listening = string.Create(CultureInfo.InvariantCulture, $"http {e.HttpPort}  tls {e.TlsPort}  {redirection}  rmcp udp {e.RmcpPort}");
                    var line = string.Create(CultureInfo.InvariantCulture, $"{e.Scenario.Name,-26} {e.Host,-12} {listening}  ({e.Scenario.DiagnosisId})");
                    if (columns is null || WrappedText.Columns(line) <= columns)
                    {
                        host.Out.WriteLine(line);
                    }
                    else
                    {
                        // A narrow terminal: the ports under the device, never cut inside a number.
                        host.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Scenario.Name,-26} {e.Host,-12} ({e.Scenario.DiagnosisId})"));
                        host.Out.WriteLine("    " + listening);
                    }
                }

                host.Out.WriteLine(LabText.Credentials(credentials, !string.IsNullOrEmpty(fromEnv)));
                var sample = devices[0].Endpoint;
                host.Out.WriteLine(Messages.Current.Format("lab.try"));
                host.Out.WriteLine("  " + string.Create(CultureInfo.InvariantCulture,
                    $"{LabText.CommandStart(credentials, !string.IsNullOrEmpty(fromEnv))} check --target {sample.Host} --http-port {sample.HttpPort} --tls-port {sample.TlsPort} --redirection-port {basePort + 2} --rmcp-port {sample.RmcpPort}{LabText.UserOption(credentials)}"));
                host.Out.WriteLine(Messages.Current.Format("lab.press-ctrl-c"));
                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C is the normal way out of `lab serve`.
                }

                return 0;
            }
            finally
            {
                foreach (var d in devices)
                {
                    await d.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }
}
