using OobWizard.Lab;
using OobWizard.Probes.Amt;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

public sealed class RmcpTests
{
    [Fact]
    public async Task PresencePing_ReturnsIntelVersionAndProvisioningState()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("cert-hash-missing"));

        var pong = await RmcpPing.PingAsync(device.Endpoint.Host, device.Endpoint.RmcpPort!.Value, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.NotNull(pong);
        Assert.True(pong!.IsIntel);
        Assert.Equal((5, 0), (pong.MajorVersion, pong.MinorVersion));
        Assert.Equal(0, pong.ProvisioningState);
        Assert.Equal(device.Endpoint.HttpPort, pong.WsmanPort);
    }

    [Fact]
    public async Task PresencePing_IsSilentWhenRmcpPingResponseIsOff()
    {
        await using var device = await LabDeviceFixture.StartAsync(model: new LabDeviceModel { RmcpPingResponseEnabled = false });

        var pong = await RmcpPing.PingAsync(device.Endpoint.Host, device.Endpoint.RmcpPort!.Value, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Null(pong);
    }

    [Theory]
    [InlineData(new byte[] { 0x06, 0x00, 0xFF, 0x06 })]
    [InlineData(new byte[] { 0x06, 0x00, 0xFF, 0x06, 0, 0, 0x11, 0xBE, 0x40, 0x07, 0, 0x10, 0, 0, 1, 0x57, 0x42, 0x60, 0x60, 2, 0, 0, 0, 0 })]
    public void Parse_RejectsShortPacketsAndForeignTags(byte[] packet) =>
        Assert.Null(RmcpPing.Parse(packet, tag: 0x08));
}
