using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;

namespace OobWizard.Probes.Tests.ActiveDirectory;

/// <summary>
/// A hostile or scripted LDAP server on loopback for the failure cases a real DC will not produce on demand. It reads
/// whole LDAPMessages (RFC 4511 §4.1.1, BER) and answers by <see cref="Behaviour"/>. Counts connections and bytes, so
/// a test can prove that nothing (no password) was sent to it.
/// </summary>
public sealed class FakeLdapServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private readonly Task _loop;
    private int _connections;
    private long _bytes;

    public enum Behaviour
    {
        /// <summary>Accepts and never answers.</summary>
        Silent,
        /// <summary>Answers every request with an HTTP error page.</summary>
        Garbage,
        /// <summary>Sends the first half of a valid response and then nothing, keeping the connection open.</summary>
        HalfAnswer,
        /// <summary>Answers bind with success, then on the first search sends one entry and closes the connection.</summary>
        CloseMidSearch,
        /// <summary>Answers bind with 8 strongerAuthRequired.</summary>
        StrongAuthRequired,
        /// <summary>Answers bind with success, searches with 10 referral to another server.</summary>
        Referral,
        /// <summary>Answers bind with 49 invalidCredentials.</summary>
        BadCredentials,
    }

    public FakeLdapServer(Behaviour behaviour, IPAddress? address = null)
    {
        Mode = behaviour;
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Behaviour Mode { get; }

    public string Host => ((IPEndPoint)_listener.LocalEndpoint).Address.ToString();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Endpoint => $"{Host}:{Port}";

    public int Connections => Volatile.Read(ref _connections);

    public long BytesReceived => Interlocked.Read(ref _bytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_held)
        {
            foreach (var s in _held) s.Dispose();
        }

        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_held) _held.Add(socket);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = await socket.ReceiveAsync(chunk, SocketFlags.None, _stop.Token);
                if (n == 0) return;
                Interlocked.Add(ref _bytes, n);
                buffer.AddRange(chunk.AsSpan(0, n).ToArray());
                while (TryTakeMessage(buffer, out var id, out var op))
                {
                    if (!await AnswerAsync(socket, id, op)) return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <returns>false when the connection is to be closed.</returns>
    private async Task<bool> AnswerAsync(Socket socket, int id, int op)
    {
        const int BindRequest = 0, SearchRequest = 3, UnbindRequest = 2;
        if (op == UnbindRequest) return false;
        switch (Mode)
        {
            case Behaviour.Silent:
                return true;
            case Behaviour.Garbage:
                await socket.SendAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\n\r\nnot ldap!\r\n"u8.ToArray());
                return true;
            case Behaviour.HalfAnswer:
                var whole = Result(id, op == BindRequest ? 1 : 5, 0, "");
                await socket.SendAsync(whole.AsMemory(0, whole.Length / 2));
                return true;
            case Behaviour.StrongAuthRequired when op == BindRequest:
                await socket.SendAsync(Result(id, 1, 8, "", "00002028: LdapErr: DSID-0C090259, comment: The server requires binds to turn on integrity checking if SSL\\TLS are not already active on the connection, data 0, v4563"));
                return true;
            case Behaviour.BadCredentials when op == BindRequest:
                await socket.SendAsync(Result(id, 1, 49, "", "80090308: LdapErr: DSID-0C09050F, comment: AcceptSecurityContext error, data 52e, v4563"));
                return true;
            case Behaviour.Referral when op == SearchRequest:
                await socket.SendAsync(Result(id, 5, 10, "", "0000202B: RefErr: DSID-0310084A, data 0, 1 access points", "ldap://dc02.emea.fabrikam.test/DC=emea,DC=fabrikam,DC=test"));
                return true;
            case Behaviour.CloseMidSearch when op == SearchRequest:
                await socket.SendAsync(Entry(id, "", "defaultNamingContext", "DC=corp,DC=fabrikam,DC=test"));
                socket.Shutdown(SocketShutdown.Both);
                socket.Close();
                return false;
            default:
                // Success for anything else: bind -> BindResponse, search -> an entry and SearchResultDone.
                if (op == SearchRequest)
                {
                    await socket.SendAsync(Entry(id, "", "defaultNamingContext", "DC=corp,DC=fabrikam,DC=test"));
                    await socket.SendAsync(Result(id, 5, 0, ""));
                }
                else
                {
                    await socket.SendAsync(Result(id, op + 1, 0, ""));
                }

                return true;
        }
    }

    /// <summary>Takes one complete LDAPMessage off the front of <paramref name="buffer"/>: its messageID and protocolOp tag number.</summary>
    private static bool TryTakeMessage(List<byte> buffer, out int id, out int op)
    {
        id = 0;
        op = -1;
        var bytes = buffer.ToArray();
        if (!AsnDecoder.TryReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out _, out var consumed)) return false;
        var reader = new AsnReader(bytes.AsMemory(0, consumed), AsnEncodingRules.BER).ReadSequence();
        id = (int)reader.ReadInteger();
        op = reader.PeekTag().TagValue;
        buffer.RemoveRange(0, consumed);
        return true;
    }

    /// <summary>An LDAPResult-shaped response ([APPLICATION <paramref name="app"/>]) with resultCode, matchedDN, diagnosticMessage, referral.</summary>
    private static byte[] Result(int id, int app, int code, string matchedDn, string message = "", string? referral = null)
    {
        var w = new AsnWriter(AsnEncodingRules.BER);
        using (w.PushSequence())
        {
            w.WriteInteger(id);
            using (w.PushSequence(new Asn1Tag(TagClass.Application, app, isConstructed: true)))
            {
                w.WriteEnumeratedValue((Code)code);
                w.WriteOctetString(System.Text.Encoding.UTF8.GetBytes(matchedDn));
                w.WriteOctetString(System.Text.Encoding.UTF8.GetBytes(message));
                if (referral is not null)
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true)))
                    {
                        w.WriteOctetString(System.Text.Encoding.UTF8.GetBytes(referral));
                    }
                }
            }
        }

        return w.Encode();
    }

    /// <summary>A SearchResultEntry ([APPLICATION 4]) with one attribute.</summary>
    private static byte[] Entry(int id, string dn, string attribute, string value)
    {
        var w = new AsnWriter(AsnEncodingRules.BER);
        using (w.PushSequence())
        {
            w.WriteInteger(id);
            using (w.PushSequence(new Asn1Tag(TagClass.Application, 4, isConstructed: true)))
            {
                w.WriteOctetString(System.Text.Encoding.UTF8.GetBytes(dn));
                using (w.PushSequence())
                using (w.PushSequence())
                {
                    w.WriteOctetString(System.Text.Encoding.UTF8.GetBytes(attribute));
                    using (w.PushSetOf())
                    {
                        w.WriteOctetString(System.Text.Encoding.UTF8.GetBytes(value));
                    }
                }
            }
        }

        return w.Encode();
    }

    private enum Code
    {
        Success = 0,
    }
}
