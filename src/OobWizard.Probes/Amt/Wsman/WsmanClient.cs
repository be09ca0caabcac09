using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// A read-only WS-Management client for AMT: Identify, Get, Enumerate + Pull. HTTP Digest is answered here
/// (<see cref="DigestChallenge"/>), so the client knows exactly when a password leaves: never as Basic, never to a
/// challenge it cannot answer, never again after the device refused it in this run. Every call is time-bounded and
/// cancellable; every failure surfaces as a <see cref="WsmanException"/>.
/// </summary>
public sealed class WsmanClient : IDisposable
{
    private readonly WsmanClientOptions _options;
    private readonly Lazy<HttpClient> _authenticated;
    private readonly Lazy<HttpClient> _anonymous;
    private readonly X509Certificate2Collection? _trustedCas;
    private int _messageId;
    private readonly List<string> _slow = [];
    private SslPolicyErrors _lastPolicyErrors;
    private bool _certificateRejected;
    private int _lastBodyBytes;

    public WsmanClient(WsmanClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (options.CaFile is not null)
        {
            _trustedCas = LoadCaFile(options.CaFile);
        }

        _authenticated = new Lazy<HttpClient>(() => CreateHttpClient(withCredentials: true));
        _anonymous = new Lazy<HttpClient>(() => CreateHttpClient(withCredentials: false));
    }

    /// <summary>The last Server header seen (fingerprints AMT and its firmware version).</summary>
    public string? LastServerHeader { get; private set; }

    /// <summary>The device certificate seen on the last TLS handshake, whether it validated or not.</summary>
    public CertificateFacts? LastCertificate { get; private set; }

    /// <summary>Round-trip time of the last completed exchange.</summary>
    public TimeSpan LastRoundTrip { get; private set; }

    /// <summary>Exchanges slower than <see cref="WsmanClientOptions.SlowAnswer"/>: what was asked and how long it took.</summary>
    public IReadOnlyList<string> SlowAnswers => _slow;

    /// <summary>HTTP exchanges this client made (a Digest answer counts as a second one).</summary>
    public int Exchanges { get; private set; }

    /// <summary>DSP0226 §11 Identify, sent without credentials. A device that demands them answers 401 (see <see cref="ProbeChallengeAsync"/>).</summary>
    public async Task<IdentifyResult> IdentifyAsync(CancellationToken cancellationToken = default)
    {
        var doc = await SendAsync(WsmanEnvelopes.Identify(), authenticated: false, "Identify", cancellationToken).ConfigureAwait(false);
        var response = doc.Root?.Element(WsmanNamespaces.Soap + "Body")?.Element(WsmanNamespaces.Identity + "IdentifyResponse")
            ?? throw new WsmanProtocolException("the answer to Identify has no IdentifyResponse");
        string? Field(string name) => response.Element(WsmanNamespaces.Identity + name)?.Value.Trim();
        return new IdentifyResult(Field("ProtocolVersion"), Field("ProductVendor"), Field("ProductVersion"), LastServerHeader);
    }

    /// <summary>
    /// An unauthenticated Get of AMT_GeneralSettings: AMT answers 401 with its Digest realm and a Server header naming
    /// the firmware. Nothing secret is sent, so this is safe over a TLS connection that does not validate.
    /// </summary>
    public async Task<AmtChallenge> ProbeChallengeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAsync(WsmanEnvelopes.Get(WsmanNamespaces.ResourceUri("AMT_GeneralSettings"), NextMessageId()), authenticated: false, "Get AMT_GeneralSettings", cancellationToken).ConfigureAwait(false);
            return new AmtChallenge(200, null, LastServerHeader, []);
        }
        catch (WsmanAuthenticationException ex)
        {
            return ex.Challenge;
        }
        catch (WsmanFaultException ex)
        {
            return new AmtChallenge(ex.HttpStatus, null, LastServerHeader, []);
        }
        catch (WsmanProtocolException ex) when (ex.HttpStatus is { } status)
        {
            return new AmtChallenge(status, null, LastServerHeader, []);
        }
    }

    public async Task<WsmanInstance> GetAsync(string className, IReadOnlyDictionary<string, string>? selectors = null, CancellationToken cancellationToken = default)
    {
        var uri = WsmanNamespaces.ResourceUri(className);
        var doc = await SendAsync(WsmanEnvelopes.Get(uri, NextMessageId(), selectors), authenticated: true, "Get " + className, cancellationToken).ConfigureAwait(false);
        var item = Body(doc).Elements().FirstOrDefault()
            ?? throw new WsmanProtocolException($"the answer to Get {className} has an empty body");
        return WsmanInstance.FromElement(item);
    }

    /// <summary>
    /// Enumerate, then Pull until EndOfSequence. Bounded in rounds, instances and bytes
    /// (<see cref="WsmanClientOptions.MaxPulls"/>, <see cref="WsmanClientOptions.MaxEnumerationItems"/>,
    /// <see cref="WsmanClientOptions.MaxEnumerationBytes"/>): past a bound it stops and throws
    /// <see cref="WsmanProtocolException"/> saying which bound, keeping nothing.
    /// </summary>
    public async Task<IReadOnlyList<WsmanInstance>> EnumerateAsync(string className, int maxElementsPerPull = 999, CancellationToken cancellationToken = default)
    {
        var uri = WsmanNamespaces.ResourceUri(className);
        var e = WsmanNamespaces.Enumeration;
        var doc = await SendAsync(WsmanEnvelopes.Enumerate(uri, NextMessageId()), authenticated: true, "Enumerate " + className, cancellationToken).ConfigureAwait(false);
        var context = Body(doc).Element(e + "EnumerateResponse")?.Element(e + "EnumerationContext")?.Value.Trim()
            ?? throw new WsmanProtocolException($"the answer to Enumerate {className} has no EnumerationContext");
        var items = new List<WsmanInstance>();
        long bytes = 0;
        for (var round = 0; round < _options.MaxPulls; round++)
        {
            doc = await SendAsync(WsmanEnvelopes.Pull(uri, NextMessageId(), context, maxElementsPerPull), authenticated: true, "Pull " + className, cancellationToken).ConfigureAwait(false);
            bytes += _lastBodyBytes;
            if (bytes > _options.MaxEnumerationBytes)
            {
                throw new WsmanProtocolException(string.Create(CultureInfo.InvariantCulture,
                    $"Pull {className}: the answers add up to more than {_options.MaxEnumerationBytes} bytes after {round + 1} rounds and {items.Count} instances; stopped there (AMT's classes have a handful of instances)"));
            }

            var pull = Body(doc).Element(e + "PullResponse")
                ?? throw new WsmanProtocolException($"the answer to Pull {className} has no PullResponse");
            foreach (var found in pull.Element(e + "Items")?.Elements() ?? [])
            {
                if (items.Count >= _options.MaxEnumerationItems)
                {
                    throw new WsmanProtocolException(string.Create(CultureInfo.InvariantCulture,
                        $"Pull {className}: more than {_options.MaxEnumerationItems} instances; stopped there (AMT's classes have a handful of instances)"));
                }

                items.Add(WsmanInstance.FromElement(found));
            }

            if (pull.Element(e + "EndOfSequence") is not null) return items;
            // DSP0226 §8.4: the service may hand out a new context with each PullResponse.
            context = pull.Element(e + "EnumerationContext")?.Value.Trim() ?? context;
        }

        throw new WsmanProtocolException($"Pull {className} did not reach EndOfSequence within {_options.MaxPulls} rounds");
    }

    public void Dispose()
    {
        if (_authenticated.IsValueCreated) _authenticated.Value.Dispose();
        if (_anonymous.IsValueCreated) _anonymous.Value.Dispose();
    }

    private int NextMessageId() => Interlocked.Increment(ref _messageId);

    private static XElement Body(XDocument doc) =>
        doc.Root?.Element(WsmanNamespaces.Soap + "Body") ?? throw new WsmanProtocolException("the response has no SOAP Body");

    /// <summary>One HTTP answer, read whole (capped) and released.</summary>
    private sealed record Answer(int Status, string? Reason, string? MediaType, IReadOnlyList<string> Challenges, byte[] Body);

    /// <summary>
    /// Sends one WS-Man message and returns its parsed envelope. Authenticated messages answer the device's Digest
    /// challenge; a password the run's <see cref="CredentialGuard"/> marks refused is never sent, and a 401 to a
    /// Digest answer marks it so. Requests to one device go one at a time through <see cref="WsmanClientOptions.Gate"/>.
    /// </summary>
    private async Task<XDocument> SendAsync(string envelope, bool authenticated, string what, CancellationToken cancellationToken)
    {
        var password = _options.Password;
        if (authenticated && string.IsNullOrEmpty(password))
        {
            throw new WsmanAuthenticationException(new AmtChallenge(0, null, LastServerHeader, []), credentialsSent: false);
        }

        if (authenticated && _options.Credentials?.IsRefused(_options.User, password) == true)
        {
            throw new WsmanAuthenticationException(new AmtChallenge(401, null, LastServerHeader, []), credentialsSent: false, refusedEarlier: true);
        }

        var gate = _options.Gate;
        if (gate is not null) await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var answer = authenticated
                ? await SendAuthenticatedAsync(envelope, password!, what, cancellationToken).ConfigureAwait(false)
                : await ExchangeAsync(_anonymous.Value, envelope, null, what, cancellationToken).ConfigureAwait(false);
            if (answer.Status == (int)HttpStatusCode.Unauthorized)
            {
                throw new WsmanAuthenticationException(ChallengeOf(answer), credentialsSent: false);
            }

            return Interpret(answer, cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<Answer> SendAuthenticatedAsync(string envelope, string password, string what, CancellationToken cancellationToken)
    {
        var client = _authenticated.Value;
        var owner = Owner(_options.User, password);
        Answer answer;
        var digest = _options.Digest;
        if (digest?.Next(owner) is { } known)
        {
            // A nonce the device accepted for this very password: answer it at once. A 401 here means the nonce aged
            // out (or the account changed meanwhile), not that an unproven password failed: take the fresh challenge.
            answer = await ExchangeAsync(client, envelope, known.Challenge.Authorize(_options.User, password, "POST", "/wsman", known.Count, DigestChallenge.NewClientNonce()), what, cancellationToken).ConfigureAwait(false);
            if (answer.Status != (int)HttpStatusCode.Unauthorized) return answer;
            digest.Forget();
        }
        else
        {
            answer = await ExchangeAsync(client, envelope, null, what, cancellationToken).ConfigureAwait(false);
            if (answer.Status != (int)HttpStatusCode.Unauthorized) return answer;
        }

        // In a fleet scan, the site's gate decides whether this device may try the password yet (SiteCredentialGate).
        using var permit = _options.Credentials is { } guard ? await guard.AdmitAsync(_options.User, password, cancellationToken).ConfigureAwait(false) : null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var challenge = DigestChallenge.TryParse(answer.Challenges, out var whyNot)
                ?? throw new WsmanChallengeException(whyNot, ChallengeOf(answer));
            answer = await ExchangeAsync(client, envelope, challenge.Authorize(_options.User, password, "POST", "/wsman", 1, DigestChallenge.NewClientNonce()), what, cancellationToken).ConfigureAwait(false);
            if (answer.Status != (int)HttpStatusCode.Unauthorized)
            {
                digest?.Accepted(owner, challenge, 1);
                permit?.Accepted();
                return answer;
            }

            // stale=true: the nonce expired but the password was right (RFC 7616 §3.3); answer the new nonce once.
            if (attempt == 0 && DigestChallenge.TryParse(answer.Challenges, out _) is { Stale: true }) continue;
            break;
        }

        _options.Credentials?.Refuse(_options.User, password);
        permit?.Refused();
        throw new WsmanAuthenticationException(ChallengeOf(answer), credentialsSent: true);
    }

    private static string Owner(string user, string password) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(user + "\0" + password)));

    private async Task<Answer> ExchangeAsync(HttpClient client, string envelope, string? authorization, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _certificateRejected = false;
        try
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml; charset=utf-8");
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.BaseUri) { Content = content };
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            Exchanges++;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            // The raw header: parsed as product tokens, "Intel(R)" would read as a product plus a comment.
            if (response.Headers.NonValidated.TryGetValues("Server", out var raw))
            {
                LastServerHeader = string.Join(' ', raw);
            }

            var challenges = response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values) ? values.ToList() : [];
            var body = await ReadCappedAsync(response, timeout.Token).ConfigureAwait(false);
            LastRoundTrip = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (LastRoundTrip > _options.SlowAnswer)
            {
                _slow.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {LastRoundTrip.TotalSeconds:0.0} s"));
            }

            _lastBodyBytes = body.Length;
            return new Answer((int)response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, challenges, body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WsmanTimeoutException(_options.Timeout, ex);
        }
        catch (HttpRequestException ex)
        {
            if (_certificateRejected)
            {
                throw new WsmanCertificateRejectedException(LastCertificate, _lastPolicyErrors, ex);
            }

            var socket = FindInner<SocketException>(ex);
            if (FindInner<AuthenticationException>(ex) is { } tls)
            {
                throw new WsmanTransportException($"TLS handshake failed: {tls.Message}", ex);
            }

            throw new WsmanTransportException(socket is not null ? $"{socket.SocketErrorCode}: {socket.Message}" : ex.Message, ex, socket?.SocketErrorCode);
        }
    }

    private XDocument Interpret(Answer answer, CancellationToken cancellationToken)
    {
        var status = answer.Status;
        var isXml = answer.MediaType is { } media && media.Contains("xml", StringComparison.OrdinalIgnoreCase);
        if (!isXml || answer.Body.Length == 0)
        {
            throw new WsmanProtocolException($"HTTP {status} {answer.Reason} without a SOAP body", httpStatus: status);
        }

        var doc = WsmanXml.Parse(answer.Body, _options.MaxResponseBytes, _options.MaxXmlDepth, cancellationToken);
        if (doc.Root?.Name != WsmanNamespaces.Soap + "Envelope")
        {
            throw new WsmanProtocolException($"HTTP {status}: the body is not a SOAP 1.2 envelope", httpStatus: status);
        }

        var fault = doc.Root.Element(WsmanNamespaces.Soap + "Body")?.Element(WsmanNamespaces.Soap + "Fault");
        if (fault is not null)
        {
            throw ToFault(fault, status);
        }

        if (status is < 200 or > 299)
        {
            throw new WsmanProtocolException($"HTTP {status} {answer.Reason} with a body that is not a fault", httpStatus: status);
        }

        return doc;
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > cap)
        {
            throw new WsmanProtocolException($"the response declares {declared} bytes, over the {cap}-byte cap", httpStatus: (int)response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            if (buffer.Length + read > cap)
            {
                throw new WsmanProtocolException($"the response is larger than the {cap}-byte cap", httpStatus: (int)response.StatusCode);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private AmtChallenge ChallengeOf(Answer answer)
    {
        string? realm = null;
        var schemes = new List<string>();
        foreach (var header in answer.Challenges)
        {
            var value = header.Trim();
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            var scheme = space < 0 ? value : value[..space];
            schemes.Add(scheme);
            if (string.Equals(scheme, "Digest", StringComparison.OrdinalIgnoreCase) && space > 0)
            {
                realm ??= DigestParameter(value[(space + 1)..], "realm");
            }
        }

        return new AmtChallenge(answer.Status, realm, LastServerHeader, schemes);
    }

    /// <summary>Reads one parameter of a Digest challenge (RFC 7616 §3.3), quoted or token.</summary>
    internal static string? DigestParameter(string parameters, string name)
    {
        var i = 0;
        while (i < parameters.Length)
        {
            while (i < parameters.Length && (parameters[i] == ' ' || parameters[i] == ',')) i++;
            var eq = parameters.IndexOf('=', i);
            if (eq < 0) return null;
            var key = parameters[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < parameters.Length && parameters[i] == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (i < parameters.Length && parameters[i] != '"')
                {
                    if (parameters[i] == '\\' && i + 1 < parameters.Length) i++;
                    sb.Append(parameters[i]);
                    i++;
                }

                i++;
                value = sb.ToString();
            }
            else
            {
                var end = parameters.IndexOf(',', i);
                if (end < 0) end = parameters.Length;
                value = parameters[i..end].Trim();
                i = end;
            }

            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }

        return null;
    }

    private static WsmanFaultException ToFault(XElement fault, int status)
    {
        var s = WsmanNamespaces.Soap;
        var code = fault.Element(s + "Code");
        var codeValue = LocalPart(code?.Element(s + "Value")?.Value);
        var subcode = LocalPart(code?.Element(s + "Subcode")?.Element(s + "Value")?.Value);
        var reason = fault.Element(s + "Reason")?.Elements(s + "Text").FirstOrDefault()?.Value.Trim() ?? "";
        var detail = fault.Element(s + "Detail")?.Value.Trim();
        return new WsmanFaultException(codeValue, subcode, reason, string.IsNullOrEmpty(detail) ? null : detail, status);
    }

    /// <summary>Fault codes are QNames ("b:DestinationUnreachable"); the prefix varies by device, the local part does not.</summary>
    private static string LocalPart(string? qname)
    {
        if (string.IsNullOrWhiteSpace(qname)) return "";
        var trimmed = qname.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? trimmed[(colon + 1)..] : trimmed;
    }

    private static T? FindInner<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T t) return t;
        }

        return null;
    }

    private HttpClient CreateHttpClient(bool withCredentials)
    {
        if (!_options.UseTls && _options.SharedHttpHandler is { } shared)
        {
            // The device's pool outlives this client: only the wrapper is disposed with it.
            return new HttpClient(shared, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        var handler = new SocketsHttpHandler
        {
            UseProxy = false, // AMT is on the LAN; a WinHTTP-style proxy in the way is one of the problems we diagnose, not a route.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            UseCookies = false,
        };
        if (_options.UseTls)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = _options.Host,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(certificate, errors, withCredentials),
            };
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Captures the certificate, then decides: a valid chain passes; a chain that validates against --ca-file passes;
    /// --insecure passes. Otherwise the handshake fails and no request, and so no credential, is sent. An anonymous
    /// client accepts any certificate because it carries nothing secret.
    /// </summary>
    private bool Validate(X509Certificate? certificate, SslPolicyErrors errors, bool withCredentials)
    {
        _lastPolicyErrors = errors;
        if (certificate is null)
        {
            _certificateRejected = withCredentials;
            return !withCredentials;
        }

        using var cert = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        LastCertificate = CertificateFacts.From(cert);
        if (errors == SslPolicyErrors.None || !withCredentials) return true;
        if (_options.AcceptedCertificateSha256 is { } pinned && string.Equals(LastCertificate.Sha256Thumbprint, pinned, StringComparison.OrdinalIgnoreCase)) return true;
        if (_trustedCas is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && ChainsToTrustedCa(cert)) return true;
        if (_options.Insecure) return true;
        _certificateRejected = true;
        return false;
    }

    private bool ChainsToTrustedCa(X509Certificate2 cert)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedCas!);
        return chain.Build(cert);
    }

    private static X509Certificate2Collection LoadCaFile(string path) => Certificates.CertificateFile.LoadAll(path);
}
