using System.Net;
using OobWizard.Probes;
using OobWizard.Probes.Amt;

namespace OobWizard.Lab;

/// <summary>
/// Where a running lab device answers and with which account. A class, not a record: a record's generated ToString
/// would print the password.
/// </summary>
public sealed class LabEndpoint
{
    internal LabEndpoint(LabScenario scenario, LabDeviceModel model, IPAddress address, int httpPort, int tlsPort,
        int? redirectionPort, int? redirectionTlsPort, int? rmcpPort, LabCredentials credentials, string rootCaPem)
    {
        Scenario = scenario;
        Model = model;
        Address = address;
        HttpPort = httpPort;
        TlsPort = tlsPort;
        RedirectionPort = redirectionPort;
        RedirectionTlsPort = redirectionTlsPort;
        RmcpPort = rmcpPort;
        Credentials = credentials;
        ProvisioningRootCaPem = rootCaPem;
    }

    public LabScenario Scenario { get; }

    public LabDeviceModel Model { get; }

    public IPAddress Address { get; }

    /// <summary>The host to pass as --target.</summary>
    public string Host => Address.ToString();

    public int HttpPort { get; }

    public int TlsPort { get; }

    public int? RedirectionPort { get; }

    public int? RedirectionTlsPort { get; }

    public int? RmcpPort { get; }

    public LabCredentials Credentials { get; }

    public string User => Credentials.User;

    public string Password => Credentials.Password;

    /// <summary>AMT's configured FQDN (HostName.DomainName).</summary>
    public string Fqdn => Model.Fqdn;

    /// <summary>
    /// The lab's provisioning root CA in PEM (public part only): write it to a temporary file and pass it as
    /// <c>--root-ca</c> so amt.cert-hashes can look for its thumbprint.
    /// </summary>
    public string ProvisioningRootCaPem { get; }

    /// <summary>A probe context aimed at this device, with its account (in memory only).</summary>
    public ProbeContext CreateProbeContext(TimeSpan? timeout = null, bool useTls = false, string? rootCaFile = null, bool insecure = false, ProbeRun? run = null) => new()
    {
        Run = run ?? new ProbeRun(),
        Target = Host,
        HttpPort = HttpPort,
        TlsPort = TlsPort,
        UseTls = useTls,
        User = User,
        Password = Password,
        RootCaFile = rootCaFile,
        Insecure = insecure,
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
    };

    /// <summary>Probe options for this device's non-WS-Man ports; a closed port is given as one nothing listens on.</summary>
    public AmtProbeOptions CreateProbeOptions(TimeSpan? connectTimeout = null) => new()
    {
        RedirectionPort = RedirectionPort ?? 16994,
        RedirectionTlsPort = RedirectionTlsPort ?? 16995,
        RmcpPort = RmcpPort ?? 623,
        ExtraTcpPorts = [],
        ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(1),
    };

    public override string ToString() => $"{Scenario.Name} at {Host} (http {HttpPort}, tls {TlsPort}, user {User})";
}
