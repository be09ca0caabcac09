using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OobWizard.Lab;

/// <summary>
/// The lab CA's CRL distribution point: a minimal HTTP/1.1 server on the device's loopback address that answers
/// <c>GET /crl/contoso-lab-root.crl</c> with the CRL (application/pkix-crl) and anything else with 404. Started
/// before the device certificate is made, so that the certificate can name it.
/// </summary>
public sealed class LabCrlServer : IAsyncDisposable
{
    public const string Path = "/crl/contoso-lab-root.crl";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LabCrlServer(IPAddress address)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        Url = $"http://{address}:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}{Path}";
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The distribution point URL a device certificate names.</summary>
    public string Url { get; }

    /// <summary>The DER CRL served; set once the device certificate (whose serial it may list) exists.</summary>
    public byte[]? Crl { get; set; }

    /// <summary>A URL on <paramref name="address"/> where nothing listens: a port bound and released at once.</summary>
    public static string UnreachableUrl(IPAddress address)
    {
        var probe = new TcpListener(address, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://{address}:{port.ToString(CultureInfo.InvariantCulture)}{Path}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[2048];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && request.Length < 8192)
                {
                    var n = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                    if (n == 0) return;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                var line = request.ToString().Split("\r\n")[0].Split(' ');
                var crl = Crl;
                var found = line.Length >= 2 && line[0] == "GET" && line[1] == Path && crl is not null;
                var body = found ? crl! : Encoding.ASCII.GetBytes("not found\n");
                var head = $"HTTP/1.1 {(found ? "200 OK" : "404 Not Found")}\r\nContent-Type: {(found ? "application/pkix-crl" : "text/plain")}\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token).ConfigureAwait(false);
                await stream.WriteAsync(body, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }
}
