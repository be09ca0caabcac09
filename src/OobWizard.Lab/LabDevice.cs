using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace OobWizard.Lab;

/// <summary>
/// A simulated AMT device: Kestrel listening on one loopback address for WS-Man over HTTP and TLS, plus the
/// redirection ports and an RMCP responder, all backed by a scenario's <see cref="LabDeviceModel"/>.
/// </summary>
public sealed class LabDevice : IAsyncDisposable
{
    /// <summary>AMT requests are a few kilobytes; anything bigger is refused before it is read.</summary>
    public const long MaxRequestBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly LabWsmanResponder _responder;
    private LabDigestAuthenticator? _auth;
    private readonly List<IAsyncDisposable> _extras;

    private LabDevice(WebApplication app, LabWsmanResponder responder, List<IAsyncDisposable> extras, LabEndpoint endpoint)
    {
        _app = app;
        _responder = responder;
        _extras = extras;
        Endpoint = endpoint;
    }

    public LabEndpoint Endpoint { get; }

    /// <summary>WS-Man requests served so far (any status).</summary>
    public int RequestCount => _responder.RequestCount;

    /// <summary>Most WS-Man requests that were at the device at once.</summary>
    public int PeakInFlight => _responder.PeakInFlight;

    /// <summary>Digest answers with a password the device refused: a client that respects lockout sends at most one per password.</summary>
    public int RefusedAuthorizations => _auth?.Refused ?? 0;

    /// <summary>Digest answers the device accepted.</summary>
    public int AcceptedAuthorizations => _auth?.Accepted ?? 0;

    /// <summary>Time the device spent serving WS-Man requests: its request chain, the floor of any check's wall time.</summary>
    public TimeSpan BusyTime => _responder.BusyTime;

    /// <summary>Starts a device for <paramref name="scenario"/> on <paramref name="address"/> (a 127.x.y.z address).</summary>
    public static async Task<LabDevice> StartAsync(LabScenario scenario, IPAddress address, LabPorts ports, LabCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(credentials);

        var model = scenario.CreateModel();
        var realm = "Digest:" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        // A device provisioned by someone else knows a password the caller does not.
        var devicePassword = model.RefusesCallerCredentials ? "Other-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) : credentials.Password;
        var auth = new LabDigestAuthenticator(realm, credentials.User, devicePassword);
        var root = LabCertificates.ProvisioningRoot;
        var responder = new LabWsmanResponder(model, auth, LabInstanceCatalog.Build(model, realm, root));
        var tlsSpec = model.TlsCertificate ?? new LabTlsCertificateSpec(DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow.AddYears(5));
        // A CA-issued certificate names the lab CA's CRL, served on the device's own loopback address (never off the box).
        LabCrlServer? crlServer = tlsSpec.IssuedByLabRoot && model.Crl != LabCrl.Unreachable ? new LabCrlServer(address) : null;
        var crlUrl = crlServer?.Url ?? (tlsSpec.IssuedByLabRoot ? LabCrlServer.UnreachableUrl(address) : null);
        var serverCert = LabCertificates.CreateDeviceCertificate(tlsSpec.SubjectName ?? model.Fqdn, tlsSpec.NotBefore, tlsSpec.NotAfter, tlsSpec.KeySize,
            tlsSpec.IssuedByLabRoot, address, crlUrl is null ? null : [crlUrl]);
        if (crlServer is not null)
        {
            var now = DateTimeOffset.UtcNow;
            crlServer.Crl = model.Crl == LabCrl.Stale
                ? LabCertificates.CreateCrl(now.AddDays(-14), now.AddDays(-7), [])
                : LabCertificates.CreateCrl(now.AddHours(-1), now.AddDays(7), model.Crl == LabCrl.Revoked ? [serverCert.SerialNumberBytes.ToArray()] : []);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, LabHostLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false; // the responder sets AMT's own Server header
            k.Limits.MaxRequestBodySize = MaxRequestBytes;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
            if (!model.TlsOnly) k.Listen(address, ports.Http, o => o.Protocols = HttpProtocols.Http1);
            k.Listen(address, ports.Tls, o =>
            {
                o.Protocols = HttpProtocols.Http1;
                o.UseHttps(serverCert);
            });
        });
        var app = builder.Build();
        app.Run(responder.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var (httpPort, tlsPort) = BoundPorts(app, ports);
        if (model.TlsOnly && httpPort == 0)
        {
            // Nothing listens on HTTP: name a port on this address that is closed, as 16992 is on such a device.
            using var probe = new System.Net.Sockets.TcpListener(address, 0);
            probe.Start();
            httpPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var extras = new List<IAsyncDisposable>();
        if (crlServer is not null) extras.Add(crlServer);
        try
        {
            int? redirection = null, redirectionTls = null, rmcp = null;
            if (model.RedirectionListenerEnabled && ports.Redirection is { } rp)
            {
                var l = new LabTcpPortListener(address, rp);
                extras.Add(l);
                redirection = l.Port;
            }

            if (model.RedirectionListenerEnabled && ports.RedirectionTls is { } rtp)
            {
                var l = new LabTcpPortListener(address, rtp);
                extras.Add(l);
                redirectionTls = l.Port;
            }

            if (ports.Rmcp is { } up)
            {
                var r = new LabRmcpResponder(address, up, model, model.TlsOnly ? tlsPort : httpPort);
                extras.Add(r);
                rmcp = r.Port;
            }

            var endpoint = new LabEndpoint(scenario, model, address, httpPort, tlsPort, redirection, redirectionTls, rmcp, credentials,
                root.ExportCertificatePem());
            return new LabDevice(app, responder, extras, endpoint) { _auth = auth };
        }
        catch
        {
            foreach (var e in extras) await e.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static (int Http, int Tls) BoundPorts(WebApplication app, LabPorts ports)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        int http = ports.Http, tls = ports.Tls;
        foreach (var a in addresses)
        {
            var uri = new Uri(a);
            if (uri.Scheme == Uri.UriSchemeHttps) tls = uri.Port;
            else http = uri.Port;
        }

        return (http, tls);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var extra in _extras)
        {
            await extra.DisposeAsync().ConfigureAwait(false);
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
