using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace OobWizard.Probes.Amt;

/// <summary>What one TCP connect found: open, refused, or no answer within its bound.</summary>
public sealed record TcpPortState(int Port, bool Open, bool Refused, TimeSpan Elapsed, string Text)
{
    /// <summary>Open or refused: the host answered either way (a filtered port says nothing).</summary>
    public bool Answered => Open || Refused;

    public static async Task<TcpPortState> ConnectAsync(string host, int port, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(bound);
        using var tcp = new TcpClient();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await tcp.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            return new(port, true, false, elapsed, $"open ({elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(port, false, false, bound, $"no answer within {bound.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (filtered?)");
        }
        catch (SocketException ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            return ex.SocketErrorCode == SocketError.ConnectionRefused
                ? new(port, false, true, elapsed, "closed (refused)")
                : new(port, false, false, elapsed, $"closed ({ex.SocketErrorCode})");
        }
    }
}
