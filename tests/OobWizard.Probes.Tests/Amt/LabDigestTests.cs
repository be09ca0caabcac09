using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OobWizard.Lab;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>The lab's server side of Digest, driven by the runtime's client side over a real socket.</summary>
public sealed class LabDigestTests
{
    private const string Get = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
        + "<s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action><w:ResourceURI>http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings</w:ResourceURI><a:MessageID>1</a:MessageID></s:Header><s:Body/></s:Envelope>";

    private static async Task<HttpResponseMessage> PostAsync(LabEndpoint endpoint, ICredentials? credentials, string? authorization = null)
    {
        var handler = new SocketsHttpHandler { Credentials = credentials, UseProxy = false };
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{endpoint.Host}:{endpoint.HttpPort}/wsman")
        {
            Content = new StringContent(Get, Encoding.UTF8, "application/soap+xml"),
        };
        if (authorization is not null) request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task TheChallenge_LooksLikeAmts()
    {
        await using var device = await LabDeviceFixture.StartAsync();

        using var response = await PostAsync(device.Endpoint, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Digest", challenge.Scheme);
        Assert.Matches("realm=\"Digest:[0-9A-F]{32}\"", challenge.Parameter);
        Assert.Contains("qop=\"auth\"", challenge.Parameter);
        Assert.Equal("Intel(R) Active Management Technology 5.0.3.1133", response.Headers.Server.ToString());
        Assert.Contains("Log on failed", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.ConnectionClose);
    }

    [Fact]
    public async Task BasicCredentials_AreNotAccepted()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{device.Endpoint.User}:{device.Endpoint.Password}"));

        using var response = await PostAsync(device.Endpoint, null, "Basic " + basic);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AForgedDigestWithAnUnknownNonce_IsRefused()
    {
        await using var device = await LabDeviceFixture.StartAsync();

        using var response = await PostAsync(device.Endpoint, null,
            $"Digest username=\"{device.Endpoint.User}\", realm=\"Digest:00000000000000000000000000000000\", nonce=\"made-up\", uri=\"/wsman\", response=\"00000000000000000000000000000000\", qop=auth, nc=00000001, cnonce=\"x\"");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheRuntimesDigest_WithTheRightPassword_GetsIn()
    {
        await using var device = await LabDeviceFixture.StartAsync();
        var uri = new Uri($"http://{device.Endpoint.Host}:{device.Endpoint.HttpPort}/");
        var cache = new CredentialCache { { uri, "Digest", new NetworkCredential(device.Endpoint.User, device.Endpoint.Password) } };

        using var response = await PostAsync(device.Endpoint, cache);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/soap+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheEndpoint_NeverPrintsThePassword()
    {
        await using var device = await LabDeviceFixture.StartAsync();

        Assert.DoesNotContain(device.Endpoint.Password, device.Endpoint.ToString(), StringComparison.Ordinal);
        Assert.Contains(device.Endpoint.Host, device.Endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LabCredentials_NeverPrintThePassword()
    {
        var credentials = LabCredentials.Random();

        Assert.DoesNotContain(credentials.Password, credentials.ToString(), StringComparison.Ordinal);
    }
}
