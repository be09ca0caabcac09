namespace OobWizard.Probes;

/// <summary>
/// Everything a probe may need, gathered from the command line and the session. Secrets are held
/// only in memory: <see cref="Password"/> is never serialised by anyone.
/// </summary>
public sealed class ProbeContext
{
    /// <summary>The AMT device's FQDN or address as the user gave it (<c>--target</c>).</summary>
    public string? Target { get; init; }

    /// <summary>
    /// The FQDN the console uses for the computer when <see cref="Target"/> is an address (the demo
    /// connects to the lab device's address and looks its name up in the lab DNS). DNS probes use it.
    /// </summary>
    public string? Fqdn { get; init; }

    /// <summary>HTTP port for WS-Man (16992); TLS uses <see cref="TlsPort"/>. The lab may use others.</summary>
    public int HttpPort { get; init; } = 16992;
    public int TlsPort { get; init; } = 16993;

    /// <summary>Use TLS (16993) for authenticated WS-Man calls.</summary>
    public bool UseTls { get; init; }

    public string User { get; init; } = "admin";

    /// <summary>AMT password: from OOBW_AMT_PASSWORD or a masked prompt. Never stored.</summary>
    public string? Password { get; init; }

    /// <summary>A root CA certificate file (PEM/DER) whose thumbprint should be in AMT's hash list (<c>--root-ca</c>).</summary>
    public string? RootCaFile { get; init; }

    /// <summary>A CA file trusted for the device's TLS certificate (<c>--ca-file</c>).</summary>
    public string? CaFile { get; init; }

    /// <summary>Send credentials over TLS even when the certificate does not validate (<c>--insecure</c>, warned).</summary>
    public bool Insecure { get; init; }

    /// <summary>DNS servers to ask (<c>--dns SERVER[:PORT]</c>); empty = the system's configured ones.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];

    /// <summary>The out-of-band service point FQDN the ProvisionServer alias should lead to (<c>--service-point</c>).</summary>
    public string? ServicePoint { get; init; }

    /// <summary>The AD domain's DNS name when known (<c>--domain</c>).</summary>
    public string? Domain { get; init; }

    // --- Directory and certificate probes (issue 13): settings of their own, shared by the run.

    /// <summary>Domain controller, LDAP account and what the ad.* probes look for (<c>--dc</c>, <c>--ldap-user</c>, <c>--amt-ou</c>, ...).</summary>
    public OobWizard.Probes.ActiveDirectory.DirectorySettings Directory { get; init; } = OobWizard.Probes.ActiveDirectory.DirectorySettings.None;

    /// <summary>Certificate files for the cert.* probes (<c>--prov-cert</c>, <c>--amt-cert</c>).</summary>
    public OobWizard.Probes.Certificates.CertificateSettings Certificates { get; init; } = OobWizard.Probes.Certificates.CertificateSettings.None;

    // ---

    /// <summary>Upper bound for one probe; the runner enforces it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Bound for one WS-Man request once the device has answered (<c>--request-timeout</c>). AMT answers in about
    /// 0.25 s on a LAN; a request slower than 1 s is reported in the evidence.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bound for the first contact with the device in a run (<c>--first-contact-timeout</c>): after sleep, AMT's first
    /// answer can wait tens of seconds for ARP. The probe that makes the first contact gets this on top of its bound.
    /// </summary>
    public TimeSpan FirstContactTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>What the probes of this run share (refused passwords, what the device said). See <see cref="ProbeRun"/>.</summary>
    public ProbeRun Run { get; init; } = new();

    /// <summary>
    /// A copy with some fields replaced (a resumed session's target, the lab's DNS; in a scan each device's host,
    /// ports and run), the rest the same.
    /// </summary>
    public ProbeContext With(string? target = null, string? fqdn = null, IReadOnlyList<string>? dnsServers = null, string? servicePoint = null, string? domain = null, string? password = null,
        int? httpPort = null, int? tlsPort = null, bool? useTls = null, ProbeRun? run = null) => new()
    {
        Target = target ?? Target,
        Fqdn = fqdn ?? Fqdn,
        HttpPort = httpPort ?? HttpPort,
        TlsPort = tlsPort ?? TlsPort,
        UseTls = useTls ?? UseTls,
        User = User,
        Password = password ?? Password,
        RootCaFile = RootCaFile,
        CaFile = CaFile,
        Insecure = Insecure,
        DnsServers = dnsServers ?? DnsServers,
        ServicePoint = servicePoint ?? ServicePoint,
        Domain = domain ?? Domain,
        Timeout = Timeout,
        RequestTimeout = RequestTimeout,
        FirstContactTimeout = FirstContactTimeout,
        Run = run ?? Run,
        Directory = Directory,
        Certificates = Certificates,
    };
}
