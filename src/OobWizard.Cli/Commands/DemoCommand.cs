using System.CommandLine;
using System.Net;
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
        var command = new Command("demo", "Run the wizard against a simulated AMT device (no hardware needed)") { scenario, plain, session };
        command.SetAction(async (parse, ct) =>
        {
            var chosen = LabScenarios.Find(parse.GetValue(scenario)!)!;
            LabDevice device;
            try
            {
                device = await LabDevice.StartAsync(chosen, Address, LabPorts.Ephemeral, LabCredentials.Random(), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                return host.Fail($"cannot start the lab device on {Address}: {ex.Message}");
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
                return host.Fail($"cannot start the lab DNS server on {DnsAddress}: {ex.Message}");
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
                    host.Err.WriteLine($"oobwizard demo: simulated AMT device '{chosen.Name}' {fqdn} at {endpoint.Host} (WS-Man on port {endpoint.HttpPort}, lab DNS {dns.Endpoint}): {chosen.Summary}");
                    var start = new WizardStart(
                        parse.GetValue(common.Content),
                        parse.GetValue(common.Lang),
                        parse.GetValue(plain),
                        Offline: false,
                        parse.GetValue(session),
                        Resume: false,
                        ResumeFile: null,
                        Target: endpoint.Host);
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
