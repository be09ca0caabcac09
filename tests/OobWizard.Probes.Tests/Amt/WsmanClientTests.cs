using OobWizard.Lab;
using OobWizard.Probes.Amt.Wsman;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

public sealed class WsmanClientTests
{
    [Fact]
    public async Task Get_WithTheRightPassword_AuthenticatesByDigestAndReturnsTheInstance()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint);

        var settings = await client.GetAsync("AMT_GeneralSettings");

        Assert.Equal("AMT_GeneralSettings", settings.ClassName);
        Assert.Equal(device.Endpoint.Model.HostName, settings["HostName"]);
        Assert.StartsWith("Digest:", settings["DigestRealm"]);
        Assert.Contains("Active Management Technology 5.0.3", client.LastServerHeader);
    }

    [Fact]
    public async Task Get_WithAWrongPassword_ThrowsAuthenticationWithTheRealm()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint, password: "not-" + device.Endpoint.Password);

        var ex = await Assert.ThrowsAsync<WsmanAuthenticationException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.True(ex.CredentialsSent);
        Assert.Matches("^Digest:[0-9A-F]{32}$", ex.Challenge.Realm);
        Assert.True(ex.Challenge.LooksLikeAmt);
    }

    [Fact]
    public async Task Get_WithoutAPassword_NeverSendsARequest()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = new WsmanClient(new WsmanClientOptions { Host = device.Endpoint.Host, Port = device.Endpoint.HttpPort });

        var ex = await Assert.ThrowsAsync<WsmanAuthenticationException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.False(ex.CredentialsSent);
        Assert.Equal(0, device.RequestCount);
    }

    [Fact]
    public async Task Identify_WithoutCredentials_ReturnsVendorAndVersion()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint, password: "");

        var identify = await client.IdentifyAsync();

        Assert.True(identify.IsIntelAmt);
        Assert.Equal("Intel(r)", identify.ProductVendor);
        Assert.Equal("AMT 5.0.3", identify.ProductVersion);
    }

    [Fact]
    public async Task ProbeChallenge_ReadsRealmAndServerHeaderWithoutCredentials()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint, password: "");

        var challenge = await client.ProbeChallengeAsync();

        Assert.Equal(401, challenge.HttpStatus);
        Assert.Contains("Digest", challenge.Schemes);
        Assert.Equal(new AmtVersion(5, 0, 3, 1133), challenge.Version);
    }

    [Fact]
    public async Task Enumerate_FollowsPullsUntilEndOfSequence()
    {
        // 7 factory hashes + the provisioning root, 2 per Pull: 4 pulls.
        var model = new LabDeviceModel { DefaultHashCount = 7, PullPageSize = 2 };
        await using var device = await LabDeviceFixture.StartAsync(model: model);
        using var client = LabDeviceFixture.Client(device.Endpoint);

        var before = device.RequestCount;
        var hashes = await client.EnumerateAsync("AMT_ProvisioningCertificateHash");

        Assert.Equal(8, hashes.Count);
        Assert.Equal(8, hashes.Select(h => h["InstanceID"]).Distinct().Count());
        // Each Digest-authenticated POST costs a 401 round and the real one: Enumerate + 4 Pulls = 5 exchanges.
        Assert.Equal(10, device.RequestCount - before);
    }

    [Fact]
    public async Task Get_OfAnUnknownClass_ThrowsTheTypedFault()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint);

        var fault = await Assert.ThrowsAsync<WsmanFaultException>(() => client.GetAsync("AMT_NoSuchClass"));

        Assert.Equal("Sender", fault.Code);
        Assert.Equal("DestinationUnreachable", fault.Subcode);
        Assert.StartsWith("No route can be determined", fault.Reason);
        Assert.Equal(400, fault.HttpStatus);
    }

    [Fact]
    public async Task Get_OnAPowerOnlyAccount_ThrowsAccessDeniedForOtherClasses()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("power-state-only"));
        using var client = LabDeviceFixture.Client(device.Endpoint);

        var power = await client.GetAsync("CIM_AssociatedPowerManagementService");
        var fault = await Assert.ThrowsAsync<WsmanFaultException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.Equal(2, power.Long("PowerState"));
        Assert.True(fault.IsAccessDenied);
    }

    [Fact]
    public async Task Get_OnFirmwareWithoutWsman_IsAProtocolErrorWithTheStatus()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("unsupported-firmware"));
        using var client = LabDeviceFixture.Client(device.Endpoint);

        var ex = await Assert.ThrowsAsync<WsmanProtocolException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.Equal(404, ex.HttpStatus);
    }
}
