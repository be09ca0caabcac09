using OobWizard.Lab;
using OobWizard.Probes.Amt.Wsman;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>The client against recorded firmware answers (Fixtures/SOURCES.md), served over a real socket.</summary>
public sealed class RecordedResponseTests
{
    private static async Task<T> AgainstAsync<T>(Func<string, LabCannedResponse> script, Func<WsmanClient, Task<T>> call)
    {
        var address = LabAddresses.Next();
        await using var server = await LabScriptedServer.StartAsync(address, script);
        using var client = new WsmanClient(new WsmanClientOptions { Host = address.ToString(), Port = server.Port, Password = "x", Timeout = TimeSpan.FromSeconds(3) });
        return await call(client);
    }

    [Theory]
    [InlineData("go-wsman-messages__AMT_GeneralSettings_get.xml", "Test Host Name")]
    [InlineData("rps__AMT_GeneralSettings_get_chunked-reassembled.xml", null)]
    public async Task GeneralSettings_IsParsedByNamespaceWhateverThePrefixes(string fixture, string? hostName)
    {
        var xml = AmtFixtures.Read(fixture);

        var settings = await AgainstAsync(_ => LabCannedResponse.Soap(xml) with { Chunked = true }, c => c.GetAsync("AMT_GeneralSettings"));

        Assert.Equal("AMT_GeneralSettings", settings.ClassName);
        Assert.StartsWith("Digest:", settings["DigestRealm"]);
        if (hostName is not null) Assert.Equal(hostName, settings["HostName"]);
    }

    [Theory]
    [InlineData("go-wsman-messages__fault_DestinationUnreachable.xml", "DestinationUnreachable", "No route can be determined")]
    [InlineData("rps__fault_AlreadyExists.xml", "AlreadyExists", "The sender attempted to create")]
    public async Task RecordedFaults_BecomeTypedErrors(string fixture, string subcode, string reasonStart)
    {
        var xml = AmtFixtures.Read(fixture);

        var fault = await Assert.ThrowsAsync<WsmanFaultException>(() =>
            AgainstAsync(_ => LabCannedResponse.Soap(xml, 400), c => c.GetAsync("AMT_GeneralSettings")));

        Assert.Equal(subcode, fault.Subcode);
        Assert.StartsWith(reasonStart, fault.Reason);
    }

    [Fact]
    public async Task RecordedEnumerateAndPull_GiveEveryItem()
    {
        var enumerate = AmtFixtures.Read("go-wsman-messages__AMT_GeneralSettings_enumerate.xml");
        var pull = AmtFixtures.Read("go-wsman-messages__CIM_SoftwareIdentity_pull.xml");

        var items = await AgainstAsync(r => LabCannedResponse.Soap(r.Contains("/Pull<", StringComparison.Ordinal) ? pull : enumerate),
            c => c.EnumerateAsync("CIM_SoftwareIdentity"));

        Assert.Equal(11, items.Count);
        Assert.Equal("12.0.67", items.Single(i => i["InstanceID"] == "AMT")["VersionString"]);
    }

    [Fact]
    public async Task RecordedEthernetPorts_KeepRepeatedProperties()
    {
        var enumerate = AmtFixtures.Read("go-wsman-messages__AMT_GeneralSettings_enumerate.xml");
        var pull = AmtFixtures.Read("go-wsman-messages__AMT_EthernetPortSettings_pull.xml");

        var ports = await AgainstAsync(r => LabCannedResponse.Soap(r.Contains("/Pull<", StringComparison.Ordinal) ? pull : enumerate),
            c => c.EnumerateAsync("AMT_EthernetPortSettings"));

        Assert.Equal(["1", "14"], ports[0].Values("LinkPolicy"));
        Assert.Equal(3, ports[1].Long("PhysicalConnectionType"));
    }

    [Theory]
    [InlineData(403, "text/html", "<html>Forbidden</html>")]
    [InlineData(400, "application/soap+xml", "fault")]
    public async Task PowerProbe_OnARecordedPowerStateWithEverythingElseRefused_IsPowerOnly(int status, string contentType, string body)
    {
        var power = AmtFixtures.Read("go-wsman-messages__CIM_AssociatedPowerManagementService_get.xml");
        var denied = body == "fault"
            ? "<a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:c=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><a:Header/><a:Body><a:Fault>"
              + "<a:Code><a:Value>a:Sender</a:Value><a:Subcode><a:Value>c:AccessDenied</a:Value></a:Subcode></a:Code>"
              + "<a:Reason><a:Text xml:lang=\"en-US\">The sender was not authorized to access the resource.</a:Text></a:Reason></a:Fault></a:Body></a:Envelope>"
            : body;
        var address = LabAddresses.Next();
        await using var server = await LabScriptedServer.StartAsync(address, r => r.Contains("CIM_AssociatedPowerManagementService", StringComparison.Ordinal)
            ? LabCannedResponse.Soap(power)
            : new LabCannedResponse(status, contentType, System.Text.Encoding.UTF8.GetBytes(denied)));
        var context = new ProbeContext { Target = address.ToString(), HttpPort = server.Port, Password = "x", Timeout = TimeSpan.FromSeconds(3) };

        var result = await new ProbeRunner(OobWizard.Probes.Amt.AmtProbes.All()).RunAsync("amt.power", context);

        Assert.Equal("power-only", result.Verdict);
        Assert.Contains(result.Evidence, e => e.Name == "PowerState" && e.Value == "2 (on)");
    }
}
