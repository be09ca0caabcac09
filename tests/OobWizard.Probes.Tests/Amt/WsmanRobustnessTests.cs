using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OobWizard.Lab;
using OobWizard.Probes.Amt.Wsman;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

public sealed class WsmanRobustnessTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(400);

    private static WsmanClient Client(IPAddress address, int port, TimeSpan? timeout = null, int maxBytes = 64 * 1024, int maxPulls = 256) =>
        new(new WsmanClientOptions
        {
            Host = address.ToString(),
            Port = port,
            Password = "unused-by-scripted-servers",
            Timeout = timeout ?? TimeSpan.FromSeconds(3),
            MaxResponseBytes = maxBytes,
            MaxPulls = maxPulls,
        });

    private static async Task<(LabScriptedServer Server, WsmanClient Client)> ScriptedAsync(Func<string, LabCannedResponse> script, TimeSpan? timeout = null, int maxBytes = 64 * 1024, int maxPulls = 256)
    {
        var address = LabAddresses.Next();
        var server = await LabScriptedServer.StartAsync(address, script);
        return (server, Client(address, server.Port, timeout, maxBytes, maxPulls));
    }

    [Fact]
    public async Task ADoctypeInTheResponse_IsRefusedBeforeAnyEntityExpands()
    {
        const string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body>&lol2;</Body></Envelope>";
        var (server, client) = await ScriptedAsync(_ => LabCannedResponse.Soap(laughs));
        await using var _ = server;
        using var __ = client;

        var ex = await Assert.ThrowsAsync<WsmanProtocolException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.Contains("DTD", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnExternalEntity_IsNeverFetched()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body>&x;</Body></Envelope>";
        var (server, client) = await ScriptedAsync(_ => LabCannedResponse.Soap(xxe));
        await using var _ = server;
        using var __ = client;

        await Assert.ThrowsAsync<WsmanProtocolException>(() => client.GetAsync("AMT_GeneralSettings"));
    }

    [Theory]
    [InlineData("<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body><Unclosed></Body></Envelope>")]
    [InlineData("not xml at all")]
    [InlineData("<Envelope xmlns=\"urn:not-soap\"><Body/></Envelope>")]
    [InlineData("")]
    public async Task MalformedOrForeignBodies_AreProtocolErrors(string body)
    {
        var (server, client) = await ScriptedAsync(_ => LabCannedResponse.Soap(body));
        await using var _ = server;
        using var __ = client;

        await Assert.ThrowsAsync<WsmanProtocolException>(() => client.GetAsync("AMT_GeneralSettings"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOversizedBody_IsCutOffAtTheCap(bool chunked)
    {
        var big = "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body><x>" + new string('A', 300_000) + "</x></Body></Envelope>";
        var (server, client) = await ScriptedAsync(_ => LabCannedResponse.Soap(big) with { Chunked = chunked }, maxBytes: 32 * 1024);
        await using var _ = server;
        using var __ = client;

        var ex = await Assert.ThrowsAsync<WsmanProtocolException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.Contains("cap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnumerationThatNeverEnds_StopsAtThePullCap()
    {
        var enumerate = AmtFixtures.Read("go-wsman-messages__AMT_GeneralSettings_enumerate.xml");
        var pull = "<a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:g=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\">"
            + "<a:Header/><a:Body><g:PullResponse><g:EnumerationContext>1</g:EnumerationContext><g:Items/></g:PullResponse></a:Body></a:Envelope>";
        var (server, client) = await ScriptedAsync(r => LabCannedResponse.Soap(r.Contains("/Pull<", StringComparison.Ordinal) ? pull : enumerate), maxPulls: 5);
        await using var _ = server;
        using var __ = client;

        var ex = await Assert.ThrowsAsync<WsmanProtocolException>(() => client.EnumerateAsync("AMT_GeneralSettings"));

        Assert.Contains("EndOfSequence", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListenerThatAcceptsButNeverAnswers_TimesOutWithinTheBound()
    {
        var address = LabAddresses.Next();
        await using var silent = new LabTcpPortListener(address, 0, silent: true);
        using var client = Client(address, silent.Port, Short);

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<WsmanTimeoutException>(() => client.IdentifyAsync());

        Assert.Equal(Short, ex.Timeout);
        Assert.InRange(watch.Elapsed, Short * 0.9, Short + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task HeadersWithABodyThatNeverComes_TimeOutWithinTheBound()
    {
        var (server, client) = await ScriptedAsync(_ => LabCannedResponse.Soap("") with { Hang = true }, Short);
        await using var _ = server;
        using var __ = client;

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<WsmanTimeoutException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.True(watch.Elapsed < Short + TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AClosedPort_FailsFastAsATransportError()
    {
        var address = LabAddresses.Next();
        int port;
        using (var probe = new TcpListener(address, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = Client(address, port, TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<WsmanTransportException>(() => client.IdentifyAsync());

        Assert.Equal(SocketError.ConnectionRefused, ex.SocketError);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_IsHonouredAndNotReportedAsATimeout()
    {
        var address = LabAddresses.Next();
        await using var silent = new LabTcpPortListener(address, 0, silent: true);
        using var client = Client(address, silent.Port, TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.IdentifyAsync(cts.Token));
    }

    [Fact]
    public async Task AHugeRequest_IsRefusedByTheLabDevice()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var http = new HttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string('x', (int)LabDevice.MaxRequestBytes + 10)));

        using var response = await http.PostAsync($"http://{device.Endpoint.Host}:{device.Endpoint.HttpPort}/wsman", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
