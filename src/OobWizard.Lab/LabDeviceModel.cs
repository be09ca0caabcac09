namespace OobWizard.Lab;

/// <summary>
/// The state a simulated AMT device reports. Values follow the recorded firmware responses in
/// ../shared/fixtures/amt (go-wsman-messages, rps); a scenario changes only what its problem needs.
/// </summary>
public sealed record LabDeviceModel
{
    /// <summary>Full firmware version, shown in the Server header and CIM_SoftwareIdentity "AMT".</summary>
    public string FirmwareVersion { get; init; } = "5.0.3.1133";

    /// <summary>False for AMT 2.x: it answers with Digest and a Server header but has no WS-Man (/wsman is 404).</summary>
    public bool SpeaksWsman { get; init; } = true;

    public string HostName { get; init; } = "amt-pc01";
    public string DomainName { get; init; } = "corp.contoso.com";

    /// <summary>The OS's current FQDN as AMT last learnt it; differs from HostName.DomainName after a rename.</summary>
    public string? HostOsFqdn { get; init; }

    public bool PingResponseEnabled { get; init; } = true;
    public bool RmcpPingResponseEnabled { get; init; } = true;

    /// <summary>0 pre-provisioning, 1 in provisioning, 2 post-provisioning.</summary>
    public int ProvisioningState { get; init; } = 2;

    /// <summary>1 Enterprise (ACM on later firmware), 4 CCM.</summary>
    public int ProvisioningMode { get; init; } = 1;

    /// <summary>IPS_HostBasedSetupService.CurrentControlMode; null when the firmware predates that class (before 6.2).</summary>
    public int? CurrentControlMode { get; init; }

    /// <summary>AMT_RedirectionService.EnabledState: 32768 both off, 32769 IDER, 32770 SOL, 32771 both.</summary>
    public int RedirectionEnabledState { get; init; } = 32771;
    public bool RedirectionListenerEnabled { get; init; } = true;

    /// <summary>CIM PowerState: 2 on, 8 off-soft, 4 sleep-deep, ...</summary>
    public int PowerState { get; init; } = 2;

    /// <summary>The account may read the power state and nothing else (everything else is AccessDenied).</summary>
    public bool PowerStateOnly { get; init; }

    /// <summary>Provisioned by another management solution: it knows a different password, so the caller's is refused.</summary>
    public bool RefusesCallerCredentials { get; init; }

    public IReadOnlyList<LabNetworkPort> NetworkPorts { get; init; } =
    [
        new(0, Wireless: false, LinkUp: true, Dhcp: true, IpAddress: null, MacAddress: "00-15-17-8a-3c-21"),
        new(1, Wireless: true, LinkUp: false, Dhcp: true, IpAddress: null, MacAddress: "00-00-00-00-00-00"),
    ];

    /// <summary>Whether the lab's provisioning root CA hash is in the list, and whether it is active.</summary>
    public bool ProvisioningRootHashPresent { get; init; } = true;
    public bool ProvisioningRootHashEnabled { get; init; } = true;

    /// <summary>Factory hashes shown besides the provisioning root (random data with vendor-like names).</summary>
    public int DefaultHashCount { get; init; } = 4;

    public LabTlsCertificateSpec? TlsCertificate { get; init; }

    /// <summary>
    /// Takes only TLS, as AMT 16 and later do once TLS is configured: nothing listens on the HTTP port (16992), and
    /// the RMCP pong announces the TLS port.
    /// </summary>
    public bool TlsOnly { get; init; }

    /// <summary>
    /// How long the device takes to answer each WS-Man request. Real AMT answers in about 0.25 s on a LAN, one request
    /// at a time; zero (the default) keeps tests fast.
    /// </summary>
    public TimeSpan ResponseDelay { get; init; }

    /// <summary>What the lab CA's CRL distribution point gives (only for a certificate issued by the lab root).</summary>
    public LabCrl Crl { get; init; } = LabCrl.Current;

    /// <summary>Most items one Pull returns, whatever MaxElements asks (lets tests exercise paging).</summary>
    public int PullPageSize { get; init; } = 999;

    public string Fqdn => $"{HostName}.{DomainName}";

    public string ServerHeader => $"Intel(R) Active Management Technology {FirmwareVersion}";
}
