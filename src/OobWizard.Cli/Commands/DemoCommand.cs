using System.CommandLine;
using System.Net;
using OobWizard.Cli.Rendering;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Files;
using OobWizard.Lab;
using OobWizard.Probes;
using OobWizard.Probes.Dns;
using OobWizard.Probes.Host;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard demo`: starts a simulated AMT device in-process on loopback and runs the wizard
/// against it with live probes, so a newcomer sees the whole product without hardware.
/// </summary>
public static class DemoCommand
{
    /// <summary>The demo device's address: its own loopback address, so it never collides with a real service.</summary>
    public static readonly IPAddress Address = IPAddress.Parse("127.77.0.1");

    /// <summary>The lab DNS server's address (a loopback address of its own).</summary>
    public static readonly IPAddress DnsAddress = IPAddress.Parse("127.77.0.53");

    public static Command Create(CliHost host, CommonOptions common, Option<bool> plain, Option<string?> session)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Lab scenario to reproduce (see `oobwizard lab list`)",
            DefaultValueFactory = _ => "redirection-disabled",
        };
        scenario.AcceptOnlyFromAmong([.. LabScenarios.All.Select(s => s.Name)]);
        var resume = new Option<string?>("--resume") { Description = "Continue a saved demo session in a fresh lab of its scenario (default: the latest session)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("demo", "Run the wizard against a simulated AMT device (no hardware needed)") { scenario, plain, session, resume };
        command.SetAction(async (parse, ct) =>
        {
            var resuming = parse.GetResult(resume) is not null;
            string? resumeFile = null;
            var scenarioName = parse.GetValue(scenario)!;
            if (resuming)
            {
                // The old lab died with the process that ran it: start a fresh one of the session's scenario.
                resumeFile = parse.GetValue(resume) ?? parse.GetValue(session) ?? SessionPaths.Latest(host.Env, host.Warn)?.Path;
                if (resumeFile is null)
                {
                    return host.Fail(Messages.Current.Format("session.demo-none-saved", SessionPaths.Directory(host.Env)));
                }

                Core.Sessions.Session saved;
                try
                {
                    saved = Core.Sessions.SessionStore.Load(resumeFile);
                }
                catch (Core.Sessions.SessionException ex)
                {
                    return host.Fail(Localization.ErrorText.Of(ex));
                }

                if (saved.Lab is null || LabScenarios.Find(saved.Lab) is null)
                {
                    return host.Fail(Messages.Current.Format("session.not-demo", resumeFile));
                }

                if (parse.GetResult(scenario) is { Implicit: false } && scenarioName != saved.Lab)
                {
                    return host.Fail(Messages.Current.Format("session.other-scenario", scenarioName, resumeFile, saved.Lab));
                }

                scenarioName = saved.Lab;
            }

            var chosen = LabScenarios.Find(scenarioName)!;
            LabDevice device;
            try
            {
                device = await LabDevice.StartAsync(chosen, Address, LabPorts.Ephemeral, LabCredentials.Random(), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                return host.Fail(Messages.Current.Format("error.lab-cannot-start-device", Address, ex.Message));
            }

            // The lab's DNS side: the device's zone on its own loopback address, so DNS checks run live too.
            var zone = LabDnsZone.ForDevice(device.Endpoint.Model, Address, DnsAddress);
            LabDnsServer dns;
            try
            {
                dns = LabDnsServer.Start(zone, DnsAddress);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await device.DisposeAsync().ConfigureAwait(false);
                return host.Fail(Messages.Current.Format("error.lab-cannot-start-dns", DnsAddress, ex.Message));
            }

            await using (dns.ConfigureAwait(false))
            await using (device.ConfigureAwait(false))
            {
                var endpoint = device.Endpoint;
                var resolver = new LabSystemResolver(dns.Endpoint);
                var fqdn = endpoint.Model.HostOsFqdn ?? endpoint.Fqdn;
                // The lab's provisioning root (public certificate only) for amt.cert-hashes.
                // In a folder of its own (mode 0700), so no other user can put a file or a link in its place.
                var rootCaDir = Directory.CreateTempSubdirectory("oobwizard-demo-").FullName;
                var rootCa = Path.Combine(rootCaDir, "lab-root-ca.pem");
                AtomicFile.WriteAllText(rootCa, endpoint.ProvisioningRootCaPem, ExistingFile.Refuse);
                try
                {
                    WrappedText.Write(host.Err, Messages.Current.Format("demo.banner", chosen.Name, fqdn, endpoint.Host, endpoint.HttpPort, dns.Endpoint, LabText.Summary(chosen)), WrappedText.TerminalWidth(host.ErrorIsTerminal));
                    var start = new WizardStart(
                        parse.GetValue(common.Content),
                        parse.GetValue(common.Lang),
                        parse.GetValue(plain),
                        Offline: false,
                        parse.GetValue(session),
                        Resume: resuming,
                        ResumeFile: resumeFile,
                        Target: endpoint.Host,
                        Lab: chosen.Name);
                    var run = new ProbeRun(); // one run: a refused password is never sent again
                    return await WizardLauncher.RunAsync(
                        host,
                        start,
                        ProbeCatalog.Runner(
                            endpoint.CreateProbeOptions(),
                            new DnsProbeOptions { SystemResolver = resolver, SystemServers = () => [dns.Endpoint] },
                            new HostProbeOptions { SystemResolver = resolver }),
                        // The device's context, plus the name the console uses and the lab DNS to look it up in.
                        () => endpoint.CreateProbeContext(rootCaFile: rootCa, run: run)
                            .With(fqdn: fqdn, dnsServers: [dns.Endpoint.ToString()], servicePoint: zone.ServicePoint, domain: zone.Zone),
                        ct).ConfigureAwait(false);
                }
                finally
                {
                    Directory.Delete(rootCaDir, recursive: true);
                }
            }
        });
        return command;
    }
}
