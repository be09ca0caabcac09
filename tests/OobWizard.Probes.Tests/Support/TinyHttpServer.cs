using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OobWizard.Probes.Tests.Support;

/// <summary>
/// A small loopback HTTP/1.1 server for tests, as the lab is, but raw: the script returns any status line, headers
/// and body (an nginx-like 404, odd WWW-Authenticate challenges, hostile Server headers). It counts requests and
/// those that carried an Authorization header. One request per connection.
/// </summary>
internal sealed class TinyHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<string, (int Status, string[] Headers, string Body)> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;
    private int _authorized;

    public TinyHttpServer(IPAddress address, Func<string, (int Status, string[] Headers, string Body)> script)
    {
        _script = script;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests that carried credentials (an Authorization header).</summary>
    public int Authorized => Volatile.Read(ref _authorized);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
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
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await stream.ReadAsync(buffer, _stop.Token) == 0) return;
                    head.Append((char)buffer[0]);
                }

                var text = head.ToString();
                var length = 0;
                foreach (var line in text.Split("\r\n"))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    if (line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _authorized);
                }

                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
                    if (n == 0) break;
                    read += n;
                }

                Interlocked.Increment(ref _requests);
                var (status, headers, answer) = _script(text + Encoding.UTF8.GetString(body));
                var bytes = Encoding.UTF8.GetBytes(answer);
                var response = new StringBuilder();
                response.Append(System.Globalization.CultureInfo.InvariantCulture, $"HTTP/1.1 {status} Status\r\n");
                foreach (var h in headers) response.Append(h).Append("\r\n");
                response.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.UTF8.GetBytes(response.ToString()), _stop.Token);
                await stream.WriteAsync(bytes, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // The client went away: nothing to serve.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
