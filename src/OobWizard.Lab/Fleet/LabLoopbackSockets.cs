using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OobWizard.Lab.Fleet;

/// <summary>
/// The sockets a fleet shares. One listener per port serves every address of 127.0.0.0/8: it is bound to the
/// wildcard address but also to the loopback interface (Linux SO_BINDTODEVICE "lo"), so only loopback traffic reaches
/// it, as a lab device must be kept off the network. An address where nothing answers gets listeners of its own on
/// the same ports (the kernel prefers the more specific bind, which SO_REUSEPORT on both allows) whose accept queue
/// is full, so the kernel drops every SYN to them: a connect there times out, as to a computer that is off.
/// Linux only: elsewhere 127.x.y.z beyond 127.0.0.1 is not even local.
/// </summary>
internal static class LabLoopbackSockets
{
    // <asm-generic/socket.h>: the values are the same on every Linux architecture .NET runs on.
    private const int SolSocket = 1;
    private const int SoReusePort = 15;
    private const int SoBindToDevice = 25;

    /// <summary>Why a fleet cannot run here, or null when it can.</summary>
    public static string? Unsupported =>
        OperatingSystem.IsLinux() ? null : "a lab fleet needs Linux (one loopback listener for all of 127.0.0.0/8)";

    /// <summary>
    /// A TCP socket bound to 0.0.0.0:<paramref name="port"/> on the loopback interface only (not yet listening), with
    /// SO_REUSEPORT so the silent addresses' own listeners can share the port. The port is first bound without it:
    /// SO_REUSEPORT would let a second fleet (or any process of the same user that asks for it) join this port, and
    /// that first bind fails when anyone holds the port at all.
    /// </summary>
    /// <exception cref="SocketException">the port is taken, or the interface cannot be bound.</exception>
    public static Socket SharedTcp(int port)
    {
        using (var alone = Unbound(SocketType.Stream, ProtocolType.Tcp))
        {
            alone.Bind(new IPEndPoint(IPAddress.Any, port));
        }

        var socket = Unbound(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            SetReusePort(socket);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A UDP socket bound to 0.0.0.0:<paramref name="port"/> on the loopback interface only, reporting each datagram's destination.</summary>
    public static Socket SharedUdp(int port)
    {
        var socket = Unbound(SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A listener on <paramref name="address"/>:<paramref name="port"/> that never accepts, with its one-place accept
    /// queue taken by a connection of its own: further SYNs are dropped. Dispose both sockets to free the address.
    /// </summary>
    public static (Socket Listener, Socket Filler) Silent(IPAddress address, int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Socket? filler = null;
        try
        {
            SetReusePort(listener);
            listener.Bind(new IPEndPoint(address, port));
            listener.Listen(0);
            filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            filler.Connect(new IPEndPoint(address, port));
            return (listener, filler);
        }
        catch
        {
            filler?.Dispose();
            listener.Dispose();
            throw;
        }
    }

    /// <summary>A socket on the loopback interface only (SO_BINDTODEVICE "lo"), not yet bound to an address.</summary>
    private static Socket Unbound(SocketType type, ProtocolType protocol)
    {
        var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        try
        {
            socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes("lo\0"));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void SetReusePort(Socket socket) => socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
}
