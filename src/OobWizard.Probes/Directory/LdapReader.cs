using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OobWizard.Core.Files;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// The directory probes' only way to the domain controller, and it is read-only by construction: it binds and it
/// searches (RFC 4511 §4.2 Bind, §4.5 Search, §4.14 StartTLS), nothing else. It has no modify, add, delete or
/// rename and never builds those requests; referrals are returned, never chased (chasing would resolve the
/// referred names through the machine's resolver). Calls block: run them through <see cref="LdapWork"/>, which
/// bounds their time from outside as well, since libldap can wait for ever on a half-sent reply.
/// A class with no password field: the credential object holds it, and only <see cref="Open"/> reads it.
/// </summary>
public sealed class LdapReader : IDisposable
{
    /// <summary>Binary attributes read as bytes, not strings.</summary>
    private static readonly HashSet<string> BinaryAttributes = new(StringComparer.OrdinalIgnoreCase) { "objectsid", "objectguid", "certificaterevocationlist", "cacertificate" };

    /// <summary>LDAP_SERVER_SHOW_DELETED_OID: lets a search see tombstones in CN=Deleted Objects.</summary>
    public const string ShowDeletedControlOid = "1.2.840.113556.1.4.417";

    private readonly LdapConnection _connection;
    private readonly TimeSpan _timeout;
    /// <summary>Requests answered so far on this connection (TLS failures show before the first).</summary>
    private int _exchanges;

    private LdapReader(LdapConnection connection, DirectoryEndpoint endpoint, TimeSpan timeout, string boundAs)
    {
        _connection = connection;
        Endpoint = endpoint;
        _timeout = timeout;
        BoundAs = boundAs;
    }

    public DirectoryEndpoint Endpoint { get; }

    /// <summary>The account the connection is bound as, or "anonymous".</summary>
    public string BoundAs { get; private set; }

    /// <summary>
    /// Connects and binds: with <paramref name="credential"/>'s password when there is one and it was not refused
    /// earlier in this run, else anonymously. A 49 marks the credential refused, so it is not sent again.
    /// </summary>
    /// <param name="requestTimeout">Bound for the TCP connect and for each LDAP request (libldap's own timeouts).</param>
    /// <param name="caFile">PEM CA file trusted for the DC's certificate (LDAPS/StartTLS); null = the system store.</param>
    /// <exception cref="DirectoryException">every failure, classified.</exception>
    public static LdapReader Open(DirectoryEndpoint endpoint, LdapCredential? credential, TimeSpan requestTimeout, string? caFile = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (credential is { Refused: true })
        {
            throw new DirectoryException(LdapFailureKind.BadCredentials,
                $"the password of {credential.User} was refused earlier in this run (LDAP 49); it is not sent again")
            {
                Line = ProbeLine.Of("probe.ldap.refused-earlier", "", credential.User),
            };
        }

        if (caFile is not null)
        {
            // libldap opens the CA file itself: checked here as InputFile reads (no FIFO, no device, at most a certificate file's size).
            try
            {
                InputFile.RequireRegular(caFile, ReadLimit.Certificate);
            }
            catch (InputFileException ex)
            {
                throw new DirectoryException(LdapFailureKind.Other, "--ldap-ca: " + ex.Message, inner: ex);
            }
        }

        CheckTcp(endpoint, requestTimeout);
        LdapConnection connection;
        using (LdapNative.Configure(requestTimeout, caFile))
        {
            connection = new LdapConnection(new LdapDirectoryIdentifier(endpoint.Host, endpoint.Port, fullyQualifiedDnsHostName: false, connectionless: false))
            {
                AuthType = AuthType.Anonymous,
                AutoBind = false,
                Timeout = requestTimeout,
            };
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (endpoint.Security == LdapSecurity.Ldaps) connection.SessionOptions.SecureSocketLayer = true;
        }

        var reader = new LdapReader(connection, endpoint, requestTimeout, "anonymous");
        try
        {
            if (endpoint.Security == LdapSecurity.StartTls)
            {
                // The runtime on Linux refuses StartTLS before the connection exists: one anonymous rootDSE read makes it.
                reader.RootDse();
                try
                {
                    connection.SessionOptions.StartTransportLayerSecurity(null);
                }
                catch (Exception ex) when (ex is LdapException or DirectoryOperationException)
                {
                    throw new DirectoryException(LdapFailureKind.Tls, $"StartTLS with {endpoint.Host} failed: {ex.Message.Trim()} (is the DC's certificate trusted? --ldap-ca FILE)", ServerMessage(ex), Code(ex), ex)
                    {
                        Line = ProbeLine.Of("probe.ldap.starttls-failed", "", endpoint.Host, ex.Message.Trim()),
                    };
                }
            }

            var password = credential?.Password;
            if (credential is not null && password is not null)
            {
                connection.Credential = new NetworkCredential(credential.User, password);
                connection.AuthType = AuthType.Basic;
                try
                {
                    connection.Bind();
                }
                catch (LdapException ex) when (ex.ErrorCode == 49)
                {
                    credential.MarkRefused();
                    throw new DirectoryException(LdapFailureKind.BadCredentials, $"{endpoint.Host} refused the password of {credential.User} (LDAP 49 invalidCredentials); it is not sent again in this run", ex.ServerErrorMessage, 49, ex)
                    {
                        Line = ProbeLine.Of("probe.ldap.bad-credentials", "", endpoint.Host, credential.User),
                    };
                }
                catch (Exception ex) when (ex is LdapException or DirectoryOperationException)
                {
                    throw reader.Translate(ex, ProbeLine.Of("probe.ldap.what.bind", $"bind as {credential.User}", credential.User));
                }

                reader.BoundAs = credential.User;
                reader._exchanges++;
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The rootDSE (RFC 4512 §5.1): naming contexts, dnsHostName, and so on. Readable anonymously.</summary>
    public DirectoryEntry RootDse()
    {
        var result = Search("", SearchScope.Base, "(objectClass=*)",
            ["defaultNamingContext", "rootDomainNamingContext", "configurationNamingContext", "dnsHostName", "serverName",
             "domainFunctionality", "forestFunctionality", "domainControllerFunctionality", "supportedLDAPVersion",
             "ldapServiceName", "isGlobalCatalogReady", "vendorName", "currentTime"]);
        return result.Entries.Count > 0
            ? result.Entries[0]
            : throw new DirectoryException(LdapFailureKind.Garbage, $"{Endpoint.Host} returned no rootDSE entry");
    }

    /// <summary>Reads one entry by DN (a base search); null when it does not exist (32 noSuchObject).</summary>
    public DirectoryEntry? Read(string dn, IReadOnlyList<string> attributes, bool showDeleted = false)
    {
        try
        {
            var r = Search(dn, SearchScope.Base, "(objectClass=*)", attributes, showDeleted);
            return r.Entries.Count > 0 ? r.Entries[0] : null;
        }
        catch (DirectoryException ex) when (ex.Kind == LdapFailureKind.NoSuchObject)
        {
            return null;
        }
    }

    /// <summary>One search. Continuation references come back in the result; they are not followed.</summary>
    /// <exception cref="DirectoryException">every failure, classified (32 as <see cref="LdapFailureKind.NoSuchObject"/>).</exception>
    public DirectorySearchResult Search(string baseDn, SearchScope scope, string filter, IReadOnlyList<string> attributes, bool showDeleted = false, int sizeLimit = 1000)
    {
        var request = new SearchRequest(baseDn, filter, scope, [.. attributes])
        {
            SizeLimit = sizeLimit,
            TimeLimit = _timeout,
        };
        if (showDeleted) request.Controls.Add(new DirectoryControl(ShowDeletedControlOid, null, isCritical: false, serverSide: true));
        SearchResponse response;
        try
        {
            response = (SearchResponse)_connection.SendRequest(request, _timeout);
        }
        catch (DirectoryOperationException ex) when (ex.Response is SearchResponse { ResultCode: ResultCode.SizeLimitExceeded } partial)
        {
            response = partial;
        }
        catch (Exception ex) when (ex is LdapException or DirectoryOperationException or BerConversionException or InvalidCastException)
        {
            throw Translate(ex, ProbeLine.Of("probe.ldap.what.search", $"search of '{baseDn}'", baseDn));
        }

        _exchanges++;
        if (response.ResultCode == ResultCode.Referral)
        {
            // Not an exception from the runtime when chasing is off: the result simply carries the URLs (RFC 4511 §4.1.10).
            var urls = response.Referral.Select(u => u.ToString()).ToList();
            throw new DirectoryException(LdapFailureKind.Referral,
                $"search of '{baseDn}': {Endpoint.Host} refers to another server (LDAP 10): {string.Join(", ", urls)}", response.ErrorMessage, 10)
            {
                Referrals = urls,
            };
        }

        var entries = new List<DirectoryEntry>(response.Entries.Count);
        foreach (SearchResultEntry e in response.Entries)
        {
            entries.Add(ToEntry(e));
        }

        var references = new List<string>();
        foreach (SearchResultReference reference in response.References)
        {
            references.AddRange(reference.Reference.Select(u => u.ToString()));
        }

        return new DirectorySearchResult(entries, references);
    }

    public void Dispose() => _connection.Dispose();

    private static DirectoryEntry ToEntry(SearchResultEntry e)
    {
        var text = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var binary = new Dictionary<string, IReadOnlyList<byte[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in e.Attributes.AttributeNames)
        {
            var attribute = e.Attributes[name];
            var key = name.ToLowerInvariant();
            if (BinaryAttributes.Contains(key))
            {
                binary[key] = attribute.GetValues(typeof(byte[])).Cast<byte[]>().ToList();
            }
            else
            {
                text[key] = attribute.GetValues(typeof(string)).Cast<string>().ToList();
            }
        }

        return new DirectoryEntry(e.DistinguishedName, text, binary);
    }

    /// <summary>Maps the runtime's exceptions to <see cref="DirectoryException"/> (RFC 4511 Appendix A result codes; libldap's negative and 8x codes).</summary>
    private DirectoryException Translate(Exception ex, ProbeLine whatLine)
    {
        var what = whatLine.Text;
        var host = Endpoint.Host;
        switch (ex)
        {
            case DirectoryOperationException { Response: { } response } op:
                var code = (int)response.ResultCode;
                var server = response.ErrorMessage;
                return response.ResultCode switch
                {
                    ResultCode.NoSuchObject => new DirectoryException(LdapFailureKind.NoSuchObject,
                        $"{what}: no such object (LDAP 32){(string.IsNullOrEmpty(response.MatchedDN) ? "" : $"; the nearest existing entry is {response.MatchedDN}")}", server, code, op)
                    {
                        Referrals = string.IsNullOrEmpty(response.MatchedDN) ? [] : [response.MatchedDN],
                        Line = ProbeLine.Of("probe.ldap.no-such-object", "", whatLine),
                    },
                    ResultCode.StrongAuthRequired => StrongAuth(whatLine, server, op),
                    ResultCode.Referral => new DirectoryException(LdapFailureKind.Referral,
                        $"{what}: {host} refers to another server (LDAP 10): {string.Join(", ", response.Referral.Select(u => u.ToString()))}", server, code, op)
                    {
                        Referrals = [.. response.Referral.Select(u => u.ToString())],
                        Line = ProbeLine.Of("probe.ldap.referral", "", whatLine, host),
                    },
                    ResultCode.InsufficientAccessRights or ResultCode.OperationsError or ResultCode.UnwillingToPerform => new DirectoryException(LdapFailureKind.Refused,
                        $"{what}: {host} refused it ({(int)response.ResultCode} {response.ResultCode})", server, code, op)
                    {
                        Line = ProbeLine.Of("probe.ldap.access-denied", "", whatLine, host, $"{(int)response.ResultCode} {response.ResultCode}"),
                    },
                    ResultCode.ProtocolError => new DirectoryException(LdapFailureKind.Garbage, $"{what}: protocol error (LDAP 2)", server, code, op),
                    _ => new DirectoryException(LdapFailureKind.Other, $"{what}: {response.ResultCode} (LDAP {code.ToString(CultureInfo.InvariantCulture)})", server, code, op),
                };
            case DirectoryOperationException op when op.Message.Contains("trong", StringComparison.Ordinal):
                // The runtime raises 8 on bind without a response object ("Strong authentication is required ...").
                return StrongAuth(whatLine, null, op);
            case LdapException le:
                var kind = le.ErrorCode switch
                {
                    49 => LdapFailureKind.BadCredentials,
                    8 => LdapFailureKind.StrongAuthRequired,
                    85 => LdapFailureKind.Timeout,
                    81 or 91 or -1 when Endpoint.Security != LdapSecurity.None && _exchanges == 0 => LdapFailureKind.Tls,
                    // CheckTcp connected before libldap did: from here on, 81 means the server dropped the connection.
                    81 or 91 or -1 => LdapFailureKind.ConnectionLost,
                    2 or 84 or -7 or 83 => LdapFailureKind.Garbage,
                    _ => LdapFailureKind.Other,
                };
                if (kind == LdapFailureKind.StrongAuthRequired) return StrongAuth(whatLine, le.ServerErrorMessage, le);
                var message = kind switch
                {
                    LdapFailureKind.Timeout => $"{what}: {host}:{Endpoint.Port} gave no answer within {_timeout.TotalSeconds:0.#} s",
                    LdapFailureKind.ConnectionLost => $"{what}: {host}:{Endpoint.Port} closed the connection in the middle of the exchange",
                    LdapFailureKind.Unavailable => $"{what}: no LDAP server answers on {host}:{Endpoint.Port} (LDAP {le.ErrorCode.ToString(CultureInfo.InvariantCulture)})",
                    LdapFailureKind.Tls => $"{what}: the TLS handshake with {host}:{Endpoint.Port} failed (certificate not trusted or not issued to '{host}'? --ldap-ca FILE)",
                    LdapFailureKind.Garbage => $"{what}: {host}:{Endpoint.Port} did not answer in LDAP (LDAP {le.ErrorCode.ToString(CultureInfo.InvariantCulture)})",
                    _ => $"{what}: {le.Message.Trim()} (LDAP {le.ErrorCode.ToString(CultureInfo.InvariantCulture)})",
                };
                var line = kind switch
                {
                    LdapFailureKind.Timeout => ProbeLine.Of("probe.ldap.timeout", "", whatLine, $"{host}:{Endpoint.Port}", _timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)),
                    LdapFailureKind.ConnectionLost => ProbeLine.Of("probe.ldap.connection-lost", "", whatLine, $"{host}:{Endpoint.Port}"),
                    LdapFailureKind.Unavailable => ProbeLine.Of("probe.ldap.unavailable", "", whatLine, $"{host}:{Endpoint.Port}", le.ErrorCode),
                    LdapFailureKind.Tls => ProbeLine.Of("probe.ldap.tls-failed", "", whatLine, $"{host}:{Endpoint.Port}", host),
                    LdapFailureKind.Garbage => ProbeLine.Of("probe.ldap.not-ldap", "", whatLine, $"{host}:{Endpoint.Port}", le.ErrorCode),
                    _ => null,
                };
                return new DirectoryException(kind, message, le.ServerErrorMessage, le.ErrorCode, le) { Line = line };
            case BerConversionException or InvalidCastException:
                return new DirectoryException(LdapFailureKind.Garbage, $"{what}: {host}:{Endpoint.Port} sent an answer that is not valid LDAP ({ex.Message.Trim()})", null, null, ex);
            default:
                return new DirectoryException(LdapFailureKind.Other, $"{what}: {ex.Message.Trim()}", null, null, ex);
        }
    }

    private DirectoryException StrongAuth(ProbeLine whatLine, string? server, Exception inner) =>
        new(LdapFailureKind.StrongAuthRequired,
            $"{whatLine.Text}: {Endpoint.Host} requires signing or TLS for simple binds (LDAP 8 strongerAuthRequired); use --ldaps or --starttls", server, 8, inner)
        {
            Line = ProbeLine.Of("probe.ldap.strong-auth-required", "", whatLine, Endpoint.Host),
        };

    private static string? ServerMessage(Exception ex) => (ex as LdapException)?.ServerErrorMessage ?? (ex as DirectoryOperationException)?.Response?.ErrorMessage;

    private static int? Code(Exception ex) => (ex as LdapException)?.ErrorCode ?? (int?)(ex as DirectoryOperationException)?.Response?.ResultCode;

    /// <summary>A plain TCP connect first: "refused" and "filtered" are clearer from here than from libldap's 81.</summary>
    private static void CheckTcp(DirectoryEndpoint endpoint, TimeSpan timeout)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            var connect = IPAddress.TryParse(endpoint.Host, out var ip)
                ? socket.ConnectAsync(ip, endpoint.Port)
                : socket.ConnectAsync(endpoint.Host, endpoint.Port);
            if (!connect.Wait(timeout))
            {
                throw new DirectoryException(LdapFailureKind.Timeout, $"no TCP connection to {endpoint.Host}:{endpoint.Port} within {timeout.TotalSeconds:0.#} s (filtered or down)")
                {
                    Line = ProbeLine.Of("probe.ldap.tcp-timeout", "", $"{endpoint.Host}:{endpoint.Port}", timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)),
                };
            }
        }
        catch (AggregateException ex) when (ex.InnerException is SocketException se)
        {
            throw new DirectoryException(LdapFailureKind.Unavailable, $"no LDAP server on {endpoint.Host}:{endpoint.Port}: {se.SocketErrorCode} ({se.Message})", null, 81, se)
            {
                Line = ProbeLine.Of("probe.ldap.no-server", "", $"{endpoint.Host}:{endpoint.Port}", se.SocketErrorCode),
            };
        }
        catch (SocketException se)
        {
            throw new DirectoryException(LdapFailureKind.Unavailable, $"no LDAP server on {endpoint.Host}:{endpoint.Port}: {se.SocketErrorCode} ({se.Message})", null, 81, se)
            {
                Line = ProbeLine.Of("probe.ldap.no-server", "", $"{endpoint.Host}:{endpoint.Port}", se.SocketErrorCode),
            };
        }
    }
}
