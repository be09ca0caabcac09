using OobWizard.Probes.Dns;
using OobWizard.Probes.Host;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

public sealed class DnsCheckTests
{
    private static readonly DnsProbeOptions Dns = new() { SystemResolver = new FakeSystemResolver(), SystemServers = () => [] };
    private static readonly HostProbeOptions HostOptions = new() { SystemResolver = new FakeSystemResolver(), GetEnvironmentVariable = _ => null };

    [Fact]
    public void NameTarget_RunsEveryDnsAndHostProbe()
    {
        var ids = DnsCheck.Applicable(new ProbeContext { Target = "pc01.fabrikam.test" }, Dns, HostOptions).Select(p => p.Id);

        Assert.Equal(["dns.forward", "dns.reverse", "dns.consistency", "dns.provision-alias", "dns.fqdn", "dns.srv-dc", "host.address-order", "host.proxy"], ids);
    }

    [Fact]
    public void AddressTarget_RunsNothing_OrOnlyTheDomainProbes()
    {
        Assert.Empty(DnsCheck.Applicable(new ProbeContext { Target = "127.211.1.1" }, Dns, HostOptions));
        Assert.Equal(["dns.provision-alias", "dns.srv-dc"],
            DnsCheck.Applicable(new ProbeContext { Target = "127.211.1.1", Domain = "fabrikam.test" }, Dns, HostOptions).Select(p => p.Id));
    }

    [SkippableFact]
    public async Task AgainstBind_TheCheckReportsTheZoneCase()
    {
        var bind = await DnsTestServers.RequireAsync(DnsTestServers.Bind);
        var context = new ProbeContext { Target = "rr.fabrikam.test", DnsServers = [bind], Domain = "fabrikam.test", ServicePoint = "sccm01.fabrikam.test" };
        var seen = new List<string>();

        var entries = await DnsCheck.RunAsync(context, e => seen.Add(e.Result.ProbeId), default, Dns, HostOptions);

        Assert.Equal(8, seen.Count);
        var verdicts = entries.ToDictionary(e => e.Result.ProbeId, e => e.Result.Verdict);
        Assert.Equal("multiple", verdicts["dns.forward"]);
        Assert.Equal("pass", verdicts["dns.reverse"]);
        Assert.Equal("pass", verdicts["dns.provision-alias"]);
        Assert.Equal("pass", verdicts["dns.fqdn"]);
        Assert.Equal("pass", verdicts["dns.srv-dc"]);
        Assert.Equal("pass", verdicts["host.proxy"]);
    }

    [Fact]
    public async Task ANameThatDoesNotExist_IsOneFinding_AndNoFindingIsInventedFromIt()
    {
        var address = OobWizard.Probes.Tests.Amt.LabAddresses.Next();
        var zone = new OobWizard.Lab.LabDnsZone("fabrikam.test", address);
        await using var server = OobWizard.Lab.LabDnsServer.Start(zone, address);
        var context = new ProbeContext { Target = "pc99.nowhere.fabrikam.test", DnsServers = [server.Endpoint.ToString()] };

        var entries = await DnsCheck.RunAsync(context, null, default, Dns, HostOptions);

        var ids = entries.Select(e => e.Result.ProbeId).ToList();
        Assert.Equal("no-record", entries.Single(e => e.Result.ProbeId == "dns.forward").Result.Verdict);
        // Nothing about the missing name's addresses, and no ProvisionServer/_ldap findings from a domain guessed from it.
        Assert.DoesNotContain("dns.reverse", ids);
        Assert.DoesNotContain("dns.consistency", ids);
        Assert.DoesNotContain("dns.provision-alias", ids);
        Assert.DoesNotContain("dns.srv-dc", ids);
        Assert.DoesNotContain("host.address-order", ids);
        Assert.Single(entries, e => e.Result.Outcome == ProbeOutcome.Finding);
    }
}
