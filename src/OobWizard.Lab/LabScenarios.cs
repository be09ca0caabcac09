namespace OobWizard.Lab;

/// <summary>The scenarios <c>oobwizard lab list</c> names, each reproducing one diagnosis of the problem catalog.</summary>
public static class LabScenarios
{
    private static readonly LabNetworkPort WiredDown = new(0, Wireless: false, LinkUp: false, Dhcp: true, IpAddress: null, MacAddress: "00-15-17-8a-3c-21");

    public static LabScenario Healthy { get; } = new(
        "healthy", "none",
        "A provisioned AMT 5.0 desktop on a wired link; every probe passes.",
        new Dictionary<string, string>(),
        () => new LabDeviceModel());

    public static IReadOnlyList<LabScenario> All { get; } =
    [
        Healthy,
        new("cert-hash-missing", "prov.cert-hash-missing",
            "Not provisioned; the provisioning root CA's thumbprint is not in the AMT hash list.",
            new Dictionary<string, string> { ["amt.cert-hashes"] = "missing", ["amt.provisioning"] = "not-provisioned" },
            () => new LabDeviceModel { ProvisioningState = 0, ProvisioningRootHashPresent = false }),
        new("redirection-disabled", "console.redirection-disabled",
            "SOL and IDE redirection are off in the BIOS extension; the redirection listener is closed.",
            new Dictionary<string, string> { ["amt.redirection"] = "disabled" },
            () => new LabDeviceModel { RedirectionEnabledState = 32768, RedirectionListenerEnabled = false }),
        new("fqdn-too-long", "prov.fqdn-over-44",
            "AMT's FQDN is longer than 44 bytes, which breaks WS-Man on firmware later than 3.x.",
            new Dictionary<string, string> { ["amt.general"] = "fqdn-too-long" },
            () => new LabDeviceModel { HostName = "amt-workstation-0042", DomainName = "emea-west.manufacturing.corp.contoso.com" }),
        new("wireless-only", "prov.wireless",
            "The wired link is down; AMT is reachable only over its wireless interface.",
            new Dictionary<string, string> { ["amt.network"] = "wireless" },
            () => new LabDeviceModel
            {
                FirmwareVersion = "5.0.3.1133",
                NetworkPorts =
                [
                    WiredDown,
                    new(1, Wireless: true, LinkUp: true, Dhcp: true, IpAddress: "192.168.20.57", MacAddress: "00-21-5c-6d-7e-8f"),
                ],
            }),
        new("renamed", "console.renamed-or-moved",
            "The computer was renamed without re-provisioning: AMT and its certificate still carry the old name.",
            new Dictionary<string, string> { ["amt.general"] = "fqdn-mismatch", ["amt.tls"] = "name-mismatch" },
            () => new LabDeviceModel { HostName = "amt-pc07", HostOsFqdn = "sales-pc12.corp.contoso.com" }),
        new("unsupported-firmware", "prov.amt-version-unsupported",
            "AMT 2.6 firmware: not supported natively by ConfigMgr 2007 (needs the Intel WS-MAN Translator).",
            new Dictionary<string, string> { ["amt.version-support"] = "unsupported", ["amt.auth"] = "pass" },
            () => new LabDeviceModel { FirmwareVersion = "2.6.3.1032", SpeaksWsman = false }),
        new("other-management-solution", "prov.other-management-solution",
            "Provisioned by another management solution: ConfigMgr's credentials are refused.",
            new Dictionary<string, string> { ["amt.auth"] = "refused", ["amt.provisioning"] = "provisioned" },
            () => new LabDeviceModel { RefusesCallerCredentials = true }),
        new("cert-expired", "console.cannot-connect",
            "AMT's self-signed TLS certificate has expired.",
            new Dictionary<string, string> { ["amt.tls"] = "expired" },
            () => new LabDeviceModel
            {
                TlsCertificate = new LabTlsCertificateSpec(DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddDays(-30)),
            }),
        new("cert-zero-date", "console.cannot-connect",
            "AMT's self-signed certificate was made with the clock unset (valid from 1999): \"date zero\".",
            new Dictionary<string, string> { ["amt.tls"] = "bad-date" },
            () => new LabDeviceModel
            {
                TlsCertificate = new LabTlsCertificateSpec(
                    new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero),
                    new DateTimeOffset(2049, 12, 31, 0, 0, 0, TimeSpan.Zero)),
            }),
        new("tls-only", "console.amt-tls-only",
            "AMT 16.1 with TLS on: 16992 is closed and only 16993 answers (a client on 16992 gets \"Unsupported protocol\").",
            new Dictionary<string, string> { ["amt.reachable"] = "tls-only", ["amt.identify"] = "pass", ["amt.version-support"] = "unsupported" },
            () => new LabDeviceModel
            {
                FirmwareVersion = "16.1.25.2124",
                TlsOnly = true,
                TlsCertificate = new LabTlsCertificateSpec(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(2), IssuedByLabRoot: true),
            }),
        new("enterprise-cert", "none",
            "ConfigMgr provisioned TLS: the certificate comes from the enterprise CA, whose CRL the lab serves, current.",
            new Dictionary<string, string> { ["cert.crl"] = "pass" },
            () => new LabDeviceModel { TlsCertificate = EnterpriseCertificate() }),
        new("crl-unreachable", "prov.crl-check-failed",
            "The enterprise CA's CRL distribution point does not answer, so WinRM cannot check revocation.",
            new Dictionary<string, string> { ["cert.crl"] = "unreachable" },
            () => new LabDeviceModel { TlsCertificate = EnterpriseCertificate(), Crl = LabCrl.Unreachable }),
        new("crl-stale", "prov.crl-check-failed",
            "The enterprise CA's CRL is out of date (its next update has passed).",
            new Dictionary<string, string> { ["cert.crl"] = "stale" },
            () => new LabDeviceModel { TlsCertificate = EnterpriseCertificate(), Crl = LabCrl.Stale }),
        new("power-state-only", "console.power-state-only",
            "The account may read the power state only; every other call is refused.",
            new Dictionary<string, string> { ["amt.power"] = "power-only" },
            () => new LabDeviceModel { PowerStateOnly = true }),
    ];

    private static LabTlsCertificateSpec EnterpriseCertificate() =>
        new(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(1), IssuedByLabRoot: true);

    public static LabScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
