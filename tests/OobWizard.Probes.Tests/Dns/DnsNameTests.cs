using System.Net;
using OobWizard.Probes.Dns;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

public sealed class DnsNameTests
{
    [Theory]
    [InlineData("127.0.0.10", "10.0.0.127.in-addr.arpa")]
    [InlineData("::ffff:192.0.2.1", "1.2.0.192.in-addr.arpa")]
    [InlineData("2001:db8::567:89ab", "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")]
    public void ReverseName_FollowsRfc1035AndRfc3596(string address, string expected)
    {
        Assert.Equal(expected, DnsName.ReverseName(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("PC01.Fabrikam.TEST.", "pc01.fabrikam.test", true)]
    [InlineData("pc01.fabrikam.test", "pc01.fabrikam.tes", false)]
    public void Equal_IsCaseInsensitiveAndIgnoresTheTrailingDot(string a, string b, bool expected)
    {
        Assert.Equal(expected, DnsName.Equal(a, b));
    }

    [Theory]
    [InlineData("pc01.fabrikam.test", "fabrikam.test")]
    [InlineData("a\\.b.test", "test")]
    [InlineData("single", null)]
    public void Parent_DropsTheFirstLabel(string name, string? parent)
    {
        Assert.Equal(parent, DnsName.Parent(name));
    }

    [Theory]
    [InlineData("127.0.0.3", "127.0.0.3", 53)]
    [InlineData("127.0.0.3:5353", "127.0.0.3", 5353)]
    [InlineData("::1", "::1", 53)]
    [InlineData("[::1]:5354", "::1", 5354)]
    [InlineData("dns1.corp.fabrikam.test:53", "dns1.corp.fabrikam.test", 53)]
    public void ServerEndpoint_Parses(string text, string host, int port)
    {
        var endpoint = DnsServerEndpoint.Parse(text);

        Assert.Equal(new DnsServerEndpoint(host, port), endpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.3:")]
    [InlineData("127.0.0.3:70000")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    [InlineData("zz::zz::1")]
    public void ServerEndpoint_RejectsNonsense(string text)
    {
        Assert.False(DnsServerEndpoint.TryParse(text, out _));
    }

    [Fact]
    public void ServerEndpoint_PrintsIpv6InBrackets()
    {
        Assert.Equal("[::1]:53", DnsServerEndpoint.Parse("::1").ToString());
    }
}
