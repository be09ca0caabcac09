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
}
