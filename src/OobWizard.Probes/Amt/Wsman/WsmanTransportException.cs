using System.Net.Sockets;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>The connection could not be made or broke (refused, reset, unreachable, TLS handshake failure).</summary>
public sealed class WsmanTransportException : WsmanException
{
    public WsmanTransportException(string message, Exception? inner = null, SocketError? socketError = null) : base(message, inner)
    {
        SocketError = socketError;
    }

    public SocketError? SocketError { get; }
}
