using OobWizard.Probes.Host;
using OobWizard.Probes.Tests.Dns;
using Xunit;

namespace OobWizard.Probes.Tests.Host;

public sealed class HostProbeTests
{
    private const string NetshDefault = """

        Querying active state...

        Precedence  Label  Prefix
        ----------  -----  --------------------------------
                50      0  ::1/128
                40      1  ::/0
                35      4  ::ffff:0:0/96
                30      2  2002::/16
                 5      5  2001::/32
                 3     13  fc00::/7
                 1     11  fec0::/10
                 1     12  3ffe::/16
                 1      3  ::/96

        """;

    // After the fix the catalog gives: netsh interface ipv6 add prefix prefix=::ffff:0:0/96 precedence=45 label=4
    private const string NetshFixed = """
        Precedence  Label  Prefix
        ----------  -----  --------------------------------
                50      0  ::1/128
                45      4  ::ffff:0:0/96
                40      1  ::/0
        """;

    private static HostProbeOptions Options(
        Dictionary<string, string>? env = null, bool windows = false, string? gai = null, string? netsh = null,
        string? winhttp = null, bool ipv6 = true, FakeSystemResolver? system = null) => new()
    {
        GetEnvironmentVariable = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
        IsWindows = windows,
        ReadGaiConf = () => gai,
        ReadWindowsPrefixPolicies = _ => Task.FromResult(netsh),
        ReadWinHttpProxy = _ => Task.FromResult(winhttp),
        HasRoutableIpv6 = () => ipv6,
        SystemResolver = system ?? new FakeSystemResolver(),
    };

    private static Task<ProbeResult> Run(string id, HostProbeOptions options, string? target = null) =>
        new ProbeRunner(HostProbes.All(options)).RunAsync(id, new ProbeContext { Target = target });

    [Fact]
    public void All_HasTheIdsAndVerdictsTheContentNames()
    {
        var probes = HostProbes.All(Options()).ToDictionary(p => p.Id, p => string.Join(",", p.Verdicts));

        Assert.Equal(new Dictionary<string, string> { ["host.address-order"] = "pass,ipv6-first", ["host.proxy"] = "pass,proxy-set" }, probes);
    }

    [Fact]
    public async Task Windows_DefaultPrefixPolicy_WithIpv6_IsIpv6First()
    {
        var r = await Run("host.address-order", Options(windows: true, netsh: NetshDefault));

        Assert.Equal("ipv6-first", r.Verdict);
        Assert.Equal(["console.ipv6-slow"], r.SuggestedDiagnoses);
        Assert.Contains("precedence 40 over 35", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_AfterTheCatalogFix_Passes()
    {
        var r = await Run("host.address-order", Options(windows: true, netsh: NetshFixed));

        Assert.Equal("pass", r.Verdict);
    }

    [Fact]
    public async Task Windows_NetshUnreadable_IsInconclusive()
    {
        var r = await Run("host.address-order", Options(windows: true, netsh: null));

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
    }

    [Fact]
    public async Task Linux_GlibcDefault_WithoutRoutableIpv6_Passes()
    {
        var r = await Run("host.address-order", Options(gai: null, ipv6: false));

        Assert.Equal("pass", r.Verdict);
        Assert.Contains("no routable IPv6", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linux_GlibcDefault_WithRoutableIpv6_IsIpv6First()
    {
        var r = await Run("host.address-order", Options(gai: "# only comments\n#precedence ::ffff:0:0/96 100\n", ipv6: true));

        Assert.Equal("ipv6-first", r.Verdict);
    }

    [Fact]
    public async Task Linux_GaiConfPreferringIpv4_Passes()
    {
        var r = await Run("host.address-order", Options(gai: "precedence ::1/128 50\nprecedence ::/0 40\nprecedence ::ffff:0:0/96 100\n", ipv6: true));

        Assert.Equal("pass", r.Verdict);
        Assert.Contains("/etc/gai.conf", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DualStackTarget_TheSystemOrderDecides()
    {
        var v6First = new FakeSystemResolver().Add("ds.fabrikam.test", "fd00::27", "127.0.0.27");
        var v4First = new FakeSystemResolver().Add("ds.fabrikam.test", "127.0.0.27", "fd00::27");

        var a = await Run("host.address-order", Options(system: v6First, ipv6: false), "ds.fabrikam.test");
        var b = await Run("host.address-order", Options(system: v4First, ipv6: true), "ds.fabrikam.test");

        Assert.Equal("ipv6-first", a.Verdict);
        Assert.Equal("pass", b.Verdict);
    }

    [Fact]
    public async Task ThisMachine_GivesAVerdictWithoutError()
    {
        var r = await new ProbeRunner(HostProbes.All()).RunAsync("host.address-order", new ProbeContext());

        Assert.Contains(r.Verdict, new[] { "pass", "ipv6-first" });
    }

    [Fact]
    public async Task NoProxy_Passes()
    {
        var r = await Run("host.proxy", Options(), "pc01.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
    }

    [Fact]
    public async Task EnvironmentProxy_IsProxySet()
    {
        var r = await Run("host.proxy", Options(env: new() { ["https_proxy"] = "http://proxy.fabrikam.test:8080" }), "pc01.fabrikam.test");

        Assert.Equal("proxy-set", r.Verdict);
        Assert.Equal(ProbeOutcome.Finding, r.Outcome);
        Assert.Contains(r.Evidence, e => e.Name == "https_proxy");
    }

    [Theory]
    [InlineData(".fabrikam.test")]
    [InlineData("fabrikam.test")]
    [InlineData("*")]
    [InlineData("localhost,127.0.0.0/8,pc01.fabrikam.test")]
    public async Task EnvironmentProxy_BypassedForTheTarget_Passes(string noProxy)
    {
        var env = new Dictionary<string, string> { ["http_proxy"] = "http://proxy:3128", ["no_proxy"] = noProxy };

        var r = await Run("host.proxy", Options(env: env), "pc01.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
        Assert.Contains("bypasses", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WinHttpProxy_IsProxySet_UnlessBypassed()
    {
        const string winhttp = """

            Current WinHTTP proxy settings:

                Proxy Server(s) :  proxy.fabrikam.test:8080
                Bypass List     :  <local>;*.corp.fabrikam.test

            """;

        var blocked = await Run("host.proxy", Options(windows: true, winhttp: winhttp), "pc01.fabrikam.test");
        var local = await Run("host.proxy", Options(windows: true, winhttp: winhttp), "pc01");
        var bypassed = await Run("host.proxy", Options(windows: true, winhttp: winhttp), "pc05.corp.fabrikam.test");

        Assert.Equal("proxy-set", blocked.Verdict);
        Assert.Contains("WinHTTP proxy.fabrikam.test:8080", blocked.Summary, StringComparison.Ordinal);
        Assert.Equal("pass", local.Verdict);
        Assert.Equal("pass", bypassed.Verdict);
    }

    [Fact]
    public async Task WinHttpDirect_Passes()
    {
        const string winhttp = "\nCurrent WinHTTP proxy settings:\n\n    Direct access (no proxy server).\n";

        var r = await Run("host.proxy", Options(windows: true, winhttp: winhttp), "pc01.fabrikam.test");

        Assert.Equal("pass", r.Verdict);
        Assert.Contains(r.Evidence, e => e.Name == "WinHTTP proxy" && e.Value.StartsWith("direct", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("10.0.0.0/8", "11.1.2.3", false)]
    [InlineData("*.fabrikam.test", "fabrikam.test", true)]
    [InlineData(".fabrikam.test", "xfabrikam.test", false)]
    [InlineData("<local>", "192.0.2.1", false)]
    public void Bypass_Matching(string list, string host, bool expected)
    {
        Assert.Equal(expected, ProxyBypass.Matches(list, host));
    }
}
