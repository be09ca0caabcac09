using System.Text;
using OobWizard.Lab;
using OobWizard.Probes.Amt.Wsman;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>Hostile XML from a device (issue 10, items 2 and 3): nesting and endless enumerations are bounded.</summary>
public sealed class HostileXmlTests
{
    private const string Soap = "http://www.w3.org/2003/05/soap-envelope";

    private static string Nested(int depth)
    {
        var sb = new StringBuilder($"<Envelope xmlns=\"{Soap}\"><Body>");
        for (var i = 0; i < depth; i++) sb.Append("<a>");
        for (var i = 0; i < depth; i++) sb.Append("</a>");
        return sb.Append("</Body></Envelope>").ToString();
    }

    [Fact]
    public void DeepNesting_IsRefusedAtTheDepthCap()
    {
        var body = Encoding.UTF8.GetBytes(Nested(100_000)); // 700 KB, under the 1 MB cap

        var ex = Assert.Throws<WsmanProtocolException>(() => WsmanXml.Parse(body, 1024 * 1024));

        Assert.Contains("deeper than 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNesting_ParseObservesTheCancellationToken()
    {
        var body = Encoding.UTF8.GetBytes(Nested(60)); // allowed depth, many nodes after it
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => WsmanXml.Parse(body, 1024 * 1024, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void AnEnvelopeOfAmtsOwnDepth_StillParses()
    {
        var doc = WsmanXml.Parse(Encoding.UTF8.GetBytes(Nested(20)), 1024 * 1024);

        Assert.NotNull(doc.Root);
    }

    [Fact]
    public async Task DeepNestingFromADevice_IsAProtocolErrorNotATimeout()
    {
        var address = LabAddresses.Next();
        var deep = Nested(100_000);
        await using var server = await LabScriptedServer.StartAsync(address, _ => LabCannedResponse.Soap(deep));
        using var client = new WsmanClient(new WsmanClientOptions { Host = address.ToString(), Port = server.Port, Password = "x", Timeout = TimeSpan.FromSeconds(3) });

        var ex = await Assert.ThrowsAsync<WsmanProtocolException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.Contains("nests elements deeper", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40, 1_000_000, "instances")]
    [InlineData(10_000, 20_000, "bytes")]
    public async Task AnEndlessEnumeration_StopsAtTheItemAndByteCaps(int maxItems, long maxBytes, string bound)
    {
        const string enumerate = "<a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:g=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\">"
            + "<a:Header/><a:Body><g:EnumerateResponse><g:EnumerationContext>1</g:EnumerationContext></g:EnumerateResponse></a:Body></a:Envelope>";
        var items = string.Concat(Enumerable.Repeat("<h:X xmlns:h=\"urn:x\"><h:V>" + new string('v', 200) + "</h:V></h:X>", 10));
        var pull = "<a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:g=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\">"
            + $"<a:Header/><a:Body><g:PullResponse><g:EnumerationContext>1</g:EnumerationContext><g:Items>{items}</g:Items></g:PullResponse></a:Body></a:Envelope>";
        var address = LabAddresses.Next();
        await using var server = await LabScriptedServer.StartAsync(address, r => LabCannedResponse.Soap(r.Contains("/Pull<", StringComparison.Ordinal) ? pull : enumerate));
        using var client = new WsmanClient(new WsmanClientOptions
        {
            Host = address.ToString(), Port = server.Port, Password = "x", Timeout = TimeSpan.FromSeconds(3),
            MaxEnumerationItems = maxItems, MaxEnumerationBytes = maxBytes,
        });

        var ex = await Assert.ThrowsAsync<WsmanProtocolException>(() => client.EnumerateAsync("CIM_SoftwareIdentity"));

        Assert.Contains(bound, ex.Message, StringComparison.Ordinal);
        Assert.Contains("stopped there", ex.Message, StringComparison.Ordinal);
    }
}
