using OobWizard.Lab;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Amt.Wsman;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

public sealed class WsmanTlsTests
{
    [Fact]
    public async Task AnUntrustedCertificate_IsCapturedAndNoRequestIsSent()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint, tls: true);

        var ex = await Assert.ThrowsAsync<WsmanCertificateRejectedException>(() => client.GetAsync("AMT_GeneralSettings"));

        Assert.NotNull(ex.Certificate);
        Assert.Contains(device.Endpoint.Fqdn, ex.Certificate!.DnsNames);
        Assert.True(ex.Certificate.SelfSigned);
        Assert.Equal(2048, ex.Certificate.KeySize);
        // The handshake was refused, so no HTTP request (and no Authorization header) ever reached the device.
        Assert.Equal(0, device.RequestCount);
    }

    [Fact]
    public async Task Insecure_SendsCredentialsOverAnUntrustedCertificate()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint, tls: true, insecure: true);

        var settings = await client.GetAsync("AMT_GeneralSettings");

        Assert.Equal(device.Endpoint.Model.HostName, settings["HostName"]);
        Assert.NotNull(client.LastCertificate);
    }

    [Fact]
    public async Task AnonymousIdentify_WorksOverAnUntrustedCertificate()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        using var client = LabDeviceFixture.Client(device.Endpoint, tls: true);

        var identify = await client.IdentifyAsync();

        Assert.True(identify.IsIntelAmt);
        Assert.NotNull(client.LastCertificate);
    }

    [Fact]
    public async Task ACaFileThatDoesNotCoverTheName_StillWithholdsCredentials()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        var caFile = Path.Combine(Path.GetTempPath(), $"oobw-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, device.Endpoint.ProvisioningRootCaPem);
        try
        {
            using var client = new WsmanClient(new WsmanClientOptions
            {
                Host = device.Endpoint.Host, Port = device.Endpoint.TlsPort, UseTls = true,
                User = device.Endpoint.User, Password = device.Endpoint.Password, CaFile = caFile, Timeout = TimeSpan.FromSeconds(3),
            });

            await Assert.ThrowsAsync<WsmanCertificateRejectedException>(() => client.GetAsync("AMT_GeneralSettings"));
            Assert.Equal(0, device.RequestCount);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task ACaFileThatIssuedTheCertificate_LetsCredentialsThrough()
    {
        var model = new LabDeviceModel
        {
            TlsCertificate = new LabTlsCertificateSpec(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), IssuedByLabRoot: true),
        };
        await using var device = await LabDeviceFixture.StartAsync(model: model);
        var caFile = Path.Combine(Path.GetTempPath(), $"oobw-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, device.Endpoint.ProvisioningRootCaPem);
        try
        {
            using var client = new WsmanClient(new WsmanClientOptions
            {
                Host = device.Endpoint.Host, Port = device.Endpoint.TlsPort, UseTls = true,
                User = device.Endpoint.User, Password = device.Endpoint.Password, CaFile = caFile, Timeout = TimeSpan.FromSeconds(3),
            });

            var settings = await client.GetAsync("AMT_GeneralSettings");

            Assert.Equal(device.Endpoint.Model.HostName, settings["HostName"]);
            Assert.False(client.LastCertificate!.SelfSigned);
            Assert.Contains("Contoso Lab Root CA", client.LastCertificate.Issuer, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task Capture_ReadsDatesNamesAndCrlDistributionPoints()
    {
        await using var device = await LabDeviceFixture.StartAsync(LabScenarios.Find("cert-zero-date"));

        var capture = await TlsCertificateCapture.CaptureAsync(device.Endpoint.Host, device.Endpoint.TlsPort, TimeSpan.FromSeconds(3), CancellationToken.None);

        var cert = Assert.IsType<CertificateFacts>(capture.Certificate);
        Assert.Equal(1999, cert.NotBefore.Year);
        Assert.True(cert.HasZeroDate);
        Assert.Empty(cert.CrlDistributionPoints); // AMT's own self-signed certificates name no CRL
        Assert.True(cert.Matches(device.Endpoint.Fqdn));
        Assert.False(cert.Matches("other." + device.Endpoint.Model.DomainName));

        // A certificate from the enterprise CA names the lab CA's CRL, served on the device's own loopback address.
        await using var enterprise = await LabDeviceFixture.StartAsync(LabScenarios.Find("enterprise-cert"));
        var issued = await TlsCertificateCapture.CaptureAsync(enterprise.Endpoint.Host, enterprise.Endpoint.TlsPort, TimeSpan.FromSeconds(3), CancellationToken.None);
        var url = Assert.Single(issued.Certificate!.CrlDistributionPoints);
        Assert.StartsWith($"http://{enterprise.Endpoint.Host}:", url, StringComparison.Ordinal);
        Assert.EndsWith("/crl/contoso-lab-root.crl", url, StringComparison.Ordinal);
        Assert.NotNull(issued.RawCertificate);
    }
}
