using System.Net;
using OobWizard.Lab;
using OobWizard.Probes;
using OobWizard.Probes.ActiveDirectory;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Dns;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Every probe of <see cref="ProbeCatalog"/> run for real, for the guards over what probes say (summary keys, evidence
/// label keys): against a lab scenario's device, against the dnsmasq/bind9 test servers and the Samba AD DC, or with
/// nothing given. Each caller asserts its own part of the results.
/// </summary>
internal static class ProbeSweep
{
    private static int _next = Environment.ProcessId % 200 * 250;

    public static TheoryData<string> Scenarios() => [.. LabScenarios.All.Select(s => s.Name)];

    /// <summary>Every probe in id order against <paramref name="context"/>.</summary>
    public static async Task<List<ProbeResult>> RunAllAsync(ProbeContext context, AmtProbeOptions? amt = null)
    {
        var runner = ProbeCatalog.Runner(amt);
        var results = new List<ProbeResult>();
        foreach (var probe in runner.Probes.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            results.Add(await runner.RunAsync(probe.Id, context));
        }

        return results;
    }

    /// <summary>Every probe against a fresh lab device of <paramref name="scenario"/> (its provisioning root CA given), on a 127.<paramref name="net"/>.x.y address of its own.</summary>
    public static async Task<List<ProbeResult>> LabScenarioAsync(string scenario, byte net)
    {
        var n = Interlocked.Increment(ref _next);
        var address = new IPAddress([127, net, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 1)]);
        await using var device = await LabDevice.StartAsync(LabScenarios.Find(scenario)!, address, LabPorts.Ephemeral, LabCredentials.Random());
        var e = device.Endpoint;
        var root = Path.Combine(Path.GetTempPath(), $"oobw-sweep-{Environment.ProcessId}-{net}-{scenario}.pem");
        await File.WriteAllTextAsync(root, e.ProvisioningRootCaPem);
        try
        {
            return await RunAllAsync(e.CreateProbeContext(TimeSpan.FromSeconds(8), rootCaFile: root), e.CreateProbeOptions());
        }
        finally
        {
            File.Delete(root);
        }
    }

    /// <summary>A context for <paramref name="target"/> at the DNS test <paramref name="server"/>, with the AD DC (OOBW_AD_DC, else 127.0.0.2) for the directory probes.</summary>
    public static ProbeContext DnsAndDc(string server, string target)
    {
        if (!DnsServerEndpoint.TryParse(server, out _)) Assert.Fail(server);
        return new ProbeContext
        {
            Target = target,
            DnsServers = [server],
            Domain = "fabrikam.test",
            ServicePoint = "sccm01.fabrikam.test",
            Timeout = TimeSpan.FromSeconds(6),
            FirstContactTimeout = TimeSpan.FromSeconds(2),
            Directory = new DirectorySettings
            {
                DomainController = Environment.GetEnvironmentVariable("OOBW_AD_DC") ?? "127.0.0.2",
                AmtOu = "OU=AMT,DC=corp,DC=fabrikam,DC=test",
                SiteServer = "sccm01",
            },
        };
    }
}
