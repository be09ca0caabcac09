using OobWizard.Lab;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>Starts a lab device on its own loopback address with free ports and a random password for one test.</summary>
internal static class LabDeviceFixture
{
    public static Task<LabDevice> StartAsync(LabScenario? scenario = null, LabDeviceModel? model = null) =>
        LabDevice.StartAsync(
            model is null ? scenario ?? LabScenarios.Healthy : (scenario ?? LabScenarios.Healthy) with { CreateModel = () => model },
            LabAddresses.Next(), LabPorts.Ephemeral, LabCredentials.Random());

    public static WsmanClient Client(LabEndpoint endpoint, string? password = null, bool tls = false, bool insecure = false, TimeSpan? timeout = null) =>
        new(new WsmanClientOptions
        {
            Host = endpoint.Host,
            Port = tls ? endpoint.TlsPort : endpoint.HttpPort,
            UseTls = tls,
            User = endpoint.User,
            Password = password ?? endpoint.Password,
            Insecure = insecure,
            Timeout = timeout ?? TimeSpan.FromSeconds(3),
        });
}
