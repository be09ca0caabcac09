using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace OobWizard.Lab.Fleet;

/// <summary>
/// Many simulated AMT devices in one process, one per loopback address (127.100.0.1 and up), for `oobwizard scan`.
/// Shared listeners serve them all: one Kestrel for WS-Man over HTTP and TLS, one socket per redirection port, one
/// for the RMCP ping, each bound to the loopback interface for all of 127.0.0.0/8 (<see cref="LabLoopbackSockets"/>),
/// so a fleet of ten thousand needs a handful of sockets rather than fifty thousand. A request is answered by the
/// device its destination address names, as a <see cref="LabDevice"/> would; every device's WS-Man requests go one at
/// a time. Silent addresses get listeners of their own that drop every SYN. Linux only. Differences from single
/// devices: every port is open on every device address (a scenario's closed redirection listener shows in WS-Man,
/// not in a refused connect; tls-only cannot be part of a fleet), and a scenario's devices share one TLS certificate.
/// </summary>
public sealed class LabFleet : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<int, LabFleetDevice> _byAddress;
    private readonly List<IAsyncDisposable> _listeners;
    private readonly List<Socket> _silentSockets;

    private LabFleet(WebApplication app, IReadOnlyList<LabFleetDevice> devices, Dictionary<int, LabFleetDevice> byAddress, List<IAsyncDisposable> listeners,
        List<Socket> silentSockets, LabPorts ports, LabFleetOptions options)
    {
        _app = app;
        Devices = devices;
        _byAddress = byAddress;
        _listeners = listeners;
        _silentSockets = silentSockets;
        Ports = ports;
        Options = options;
    }

    /// <summary>Every address of the fleet in address order.</summary>
    public IReadOnlyList<LabFleetDevice> Devices { get; }

    /// <summary>The ports every device answers on (the same on every address); <see cref="LabPorts.Rmcp"/> is the UDP ping port.</summary>
    public LabPorts Ports { get; }

    public LabFleetOptions Options { get; }

    public int HttpPort => Ports.Http;

    public int TlsPort => Ports.Tls;

    public int RedirectionPort => Ports.Redirection!.Value;

    public int RmcpPort => Ports.Rmcp!.Value;

    /// <summary>WS-Man requests served by the whole fleet.</summary>
    public long RequestCount => Devices.Sum(d => (long)d.RequestCount);

    /// <summary>Digest answers with a refused password, fleet-wide.</summary>
    public int RefusedAuthorizations => Devices.Sum(d => d.RefusedAuthorizations);

    /// <summary>The most WS-Man requests any one device had at once (1 when every client kept AMT's one at a time).</summary>
    public int PeakInFlight => Devices.Count == 0 ? 0 : Devices.Max(d => d.PeakInFlight);

    /// <summary>The device at <paramref name="address"/>, or null when it is not part of the fleet.</summary>
    public LabFleetDevice? Find(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetwork) return null;
        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out _) && _byAddress.TryGetValue(BinaryPrimitives.ReadInt32BigEndian(bytes), out var d) ? d : null;
    }

    /// <summary>The addresses a fleet of <paramref name="count"/> takes from <paramref name="first"/> on (last byte 1-254), or null past 127.255.255.254.</summary>
    public static IReadOnlyList<IPAddress>? Addresses(IPAddress first, int count)
    {
        ArgumentNullException.ThrowIfNull(first);
        var bytes = first.GetAddressBytes();
        if (bytes.Length != 4 || bytes[0] != 127) return null;
        var n = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var list = new List<IPAddress>(count);
        while (list.Count < count)
        {
            if ((n >> 24) != 127) return null;
            var last = n & 0xFF;
            if (last is not (0 or 255))
            {
                var b = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(b, n);
                list.Add(new IPAddress(b));
            }

            n++;
        }

        return list;
    }

    /// <summary>
    /// The target list for `oobwizard scan`: CSV with a header, one line per address (host, the FQDN the console knows
    /// it by, and the scenario as the note), after a comment naming the fleet and its ports.
    /// </summary>
    public string TargetList()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# oobwizard lab fleet: {Devices.Count} addresses ({Options.Mix}), ports http {HttpPort} tls {TlsPort} redirection {RedirectionPort} rmcp {RmcpPort}\n");
        text.Append("host,fqdn,notes\n");
        foreach (var d in Devices)
        {
            text.Append(d.Address).Append(',').Append(d.ExpectedFqdn).Append(',').Append(d.Name).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Starts the fleet: address table, shared listeners, silent addresses.</summary>
    /// <exception cref="PlatformNotSupportedException">not Linux.</exception>
    /// <exception cref="SocketException">a port is taken or the loopback interface cannot be bound.</exception>
    /// <exception cref="ArgumentException">the count or the addresses are out of range.</exception>
    public static async Task<LabFleet> StartAsync(LabFleetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (LabLoopbackSockets.Unsupported is { } why) throw new PlatformNotSupportedException(why);
        if (options.Count is < 1 or > LabFleetOptions.MaxCount)
        {
            throw new ArgumentException($"a fleet has 1 to {LabFleetOptions.MaxCount} addresses, not {options.Count}", nameof(options));
        }

        var addresses = Addresses(options.FirstAddress, options.Count)
            ?? throw new ArgumentException($"{options.Count} addresses from {options.FirstAddress} do not fit in 127.0.0.0/8", nameof(options));

        var shared = new Dictionary<string, LabFleetScenario>(StringComparer.Ordinal);
        var root = LabCertificates.ProvisioningRoot;
        foreach (var (name, count) in options.Mix.Counts(options.Count))
        {
            if (count == 0 || name == LabFleetMix.Silent) continue;
            var scenario = LabScenarios.Find(name)!;
            var model = scenario.CreateModel() with { ResponseDelay = options.ResponseDelay };
            var tlsSpec = model.TlsCertificate ?? new LabTlsCertificateSpec(DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow.AddYears(5));
            var certificate = LabCertificates.CreateDeviceCertificate(tlsSpec.SubjectName ?? model.Fqdn, tlsSpec.NotBefore, tlsSpec.NotAfter, tlsSpec.KeySize, tlsSpec.IssuedByLabRoot);
            shared[name] = new LabFleetScenario(scenario, model, LabInstanceCatalog.Build(model, "", root), certificate);
        }

        var names = options.Mix.Deal(options.Count, options.Seed);
        var devices = new List<LabFleetDevice>(options.Count);
        var byAddress = new Dictionary<int, LabFleetDevice>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            var device = new LabFleetDevice(i, addresses[i], shared.GetValueOrDefault(names[i]), options.Credentials);
            devices.Add(device);
            byAddress[BinaryPrimitives.ReadInt32BigEndian(addresses[i].GetAddressBytes())] = device;
        }

        var tcp = BindPortBlock(options.BasePort);
        var listeners = new List<IAsyncDisposable>();
        var silentSockets = new List<Socket>();
        WebApplication? app = null;
        try
        {
            var basePort = ((IPEndPoint)tcp[0].LocalEndPoint!).Port;
            var fallback = shared.Values.FirstOrDefault()?.Certificate ?? LabCertificates.CreateDeviceCertificate("amt.lab.invalid", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), 2048);
            LabFleet? fleet = null;
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.UseSockets(o =>
            {
                // Kestrel listens on the sockets bound above (loopback interface only), found by port.
                o.CreateBoundListenSocket = endpoint => tcp.First(s => ((IPEndPoint)s.LocalEndPoint!).Port == ((IPEndPoint)endpoint).Port);
                o.Backlog = 4096;
            });
            builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, LabHostLifetime>();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = LabDevice.MaxRequestBytes;
                k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
                k.Listen(IPAddress.Any, basePort, o => o.Protocols = HttpProtocols.Http1);
                k.Listen(IPAddress.Any, basePort + 1, o =>
                {
                    o.Protocols = HttpProtocols.Http1;
                    o.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        // Each scenario's certificate, chosen by the address the client connected to.
                        ServerCertificateSelector = (connection, _) =>
                            fleet?.Find((connection?.LocalEndPoint as IPEndPoint)?.Address)?.Shared?.Certificate ?? fallback,
                    });
                });
            });
            app = builder.Build();
            app.Run(context =>
            {
                if (fleet?.Find(context.Connection.LocalIpAddress)?.Responder() is { } responder) return responder.HandleAsync(context);
                // An address outside the fleet has no device: drop the connection, as nothing would answer there.
                context.Abort();
                return Task.CompletedTask;
            });

            var ports = new LabPorts { Http = basePort, Tls = basePort + 1, Redirection = basePort + 2, RedirectionTls = basePort + 3, Rmcp = 0 };
            listeners.Add(new LabFleetPortListener(tcp[2]));
            listeners.Add(new LabFleetPortListener(tcp[3]));
            var rmcp = new LabFleetRmcpResponder(LabLoopbackSockets.SharedUdp(0), a => fleet?.Find(a), basePort, basePort + 1);
            listeners.Add(rmcp);
            ports = ports with { Rmcp = rmcp.Port };

            foreach (var d in devices.Where(d => d.Scenario is null))
            {
                for (var p = 0; p < 4; p++)
                {
                    var (listener, filler) = LabLoopbackSockets.Silent(d.Address, basePort + p);
                    silentSockets.Add(listener);
                    silentSockets.Add(filler);
                }
            }

            fleet = new LabFleet(app, devices, byAddress, listeners, silentSockets, ports, options);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return fleet;
        }
        catch
        {
            foreach (var l in listeners) await l.DisposeAsync().ConfigureAwait(false);
            foreach (var s in silentSockets) s.Dispose();
            foreach (var s in tcp) s.Dispose();
            if (app is not null) await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Four consecutive TCP ports bound on the loopback interface: <paramref name="basePort"/> if given, else a free
    /// block between 20000 and 32000 (below Linux's ephemeral range, so outgoing connections do not take it).
    /// </summary>
    private static Socket[] BindPortBlock(int? basePort)
    {
        var attempts = basePort is null ? 64 : 1;
        SocketException? last = null;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var first = basePort ?? 20000 + (Random.Shared.Next(3000) * 4);
            var bound = new List<Socket>();
            try
            {
                for (var i = 0; i < 4; i++) bound.Add(LabLoopbackSockets.SharedTcp(first + i));
                return [.. bound];
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                last = ex;
                foreach (var s in bound) s.Dispose();
            }
            catch
            {
                foreach (var s in bound) s.Dispose();
                throw;
            }
        }

        throw last!;
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(stop.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var l in _listeners) await l.DisposeAsync().ConfigureAwait(false);
        foreach (var s in _silentSockets) s.Dispose();
    }
}
