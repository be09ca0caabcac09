using System.Net.Sockets;

namespace OobWizard.Lab.Fleet;

/// <summary>
/// Holds a port open for every address of a fleet (the redirection ports 16994/16995): it accepts and closes, as
/// <see cref="LabTcpPortListener"/> does for one device. The redirection protocol itself is not simulated.
/// </summary>
internal sealed class LabFleetPortListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LabFleetPortListener(Socket boundSocket)
    {
        _socket = boundSocket;
        _socket.Listen(4096);
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
                client.Dispose();
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A peer that gave up before the accept (ECONNABORTED) is not the listener's problem.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
