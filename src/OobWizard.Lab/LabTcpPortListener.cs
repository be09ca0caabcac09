using System.Net;
using System.Net.Sockets;

namespace OobWizard.Lab;

/// <summary>
/// Holds a TCP port open (the redirection ports 16994/16995) so reachability probes see it open. It accepts and closes;
/// the redirection protocol itself is not simulated. With <c>silent</c>, it accepts and never answers or closes:
/// the "listener that never answers" that timeouts are tested against.
/// </summary>
public sealed class LabTcpPortListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly bool _silent;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _loop;

    public LabTcpPortListener(IPAddress address, int port, bool silent = false)
    {
        _listener = new TcpListener(address, port);
        _listener.Start();
        _silent = silent;
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

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

            if (_silent)
            {
                lock (_held) _held.Add(client);
            }
            else
            {
                client.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        lock (_held)
        {
            foreach (var c in _held) c.Dispose();
            _held.Clear();
        }

        _stop.Dispose();
    }
}
