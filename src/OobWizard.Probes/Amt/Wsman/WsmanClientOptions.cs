namespace OobWizard.Probes.Amt.Wsman;

/// <summary>Where and how to talk WS-Man. The password lives only in memory and is never logged or serialised.</summary>
public sealed record WsmanClientOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 16992;

    /// <summary>HTTPS (AMT: 16993) instead of plain HTTP (16992).</summary>
    public bool UseTls { get; init; }

    public string User { get; init; } = "admin";

    public string? Password { get; init; }

    /// <summary>Bound for one HTTP exchange (a Digest answer is a second exchange with its own bound).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Accept a certificate that does not validate even for authenticated calls (the user was warned).</summary>
    public bool Insecure { get; init; }

    /// <summary>A PEM/DER file of CA certificates to trust for the device certificate.</summary>
    public string? CaFile { get; init; }

    /// <summary>Cap on a response body; AMT's answers are a few kilobytes, so a megabyte means something is wrong.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Cap on Pull rounds, so a device that never sends EndOfSequence cannot keep us forever.</summary>
    public int MaxPulls { get; init; } = 256;

    /// <summary>
    /// Cap on the instances one enumeration keeps. AMT's classes have a handful (CIM_SoftwareIdentity about a dozen,
    /// AMT_ProvisioningCertificateHash at most 23 before R7 and a few dozen after).
    /// </summary>
    public int MaxEnumerationItems { get; init; } = 256;

    /// <summary>Cap on the bytes all the Pull answers of one enumeration may add up to.</summary>
    public long MaxEnumerationBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted in an answer; AMT's envelopes nest about eight deep.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>Refused passwords of this run: a refused one is never sent again. Null: this client alone.</summary>
    public CredentialGuard? Credentials { get; init; }

    /// <summary>One request at a time per device (real AMT serves one WS-Man request at a time). Null: no gate.</summary>
    public SemaphoreSlim? Gate { get; init; }

    /// <summary>The device's accepted Digest nonce, shared by the clients of one run. Null: this client alone.</summary>
    public DigestSession? Digest { get; init; }

    /// <summary>
    /// The SHA-256 thumbprint (hex) of a device certificate the run already judged acceptable; the client accepts that
    /// certificate and no other (see TlsEvaluation). Null: the usual validation.
    /// </summary>
    public string? AcceptedCertificateSha256 { get; init; }

    /// <summary>
    /// A connection pool for plain HTTP that the clients of one device share (<see cref="AmtDevice.HttpConnections"/>),
    /// so the probes of a check reuse one kept-alive connection instead of each opening and closing its own. Not used
    /// for TLS, whose certificate decisions belong to each client. Null: this client's own pool.
    /// </summary>
    public HttpMessageHandler? SharedHttpHandler { get; init; }

    /// <summary>An exchange slower than this is reported (AMT answers in about 0.25 s on a LAN).</summary>
    public TimeSpan SlowAnswer { get; init; } = TimeSpan.FromSeconds(1);

    public Uri BaseUri => new UriBuilder(UseTls ? "https" : "http", Host, Port, "/wsman").Uri;
}
