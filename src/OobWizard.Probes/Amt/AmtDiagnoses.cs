namespace OobWizard.Probes.Amt;

/// <summary>Catalog diagnosis ids (../shared/problem-catalog.md) the AMT probes suggest, kept in one place.</summary>
public static class AmtDiagnoses
{
    public const string CannotConnect = "console.cannot-connect";
    public const string OtherManagementSolution = "prov.other-management-solution";
    public const string Wireless = "prov.wireless";

    /// <summary>"WSMAN will fail with FQDN longer than 44 bytes" (cause 2 of SP2's "Can not finish WSMAN call").</summary>
    public const string FqdnOver44 = "prov.fqdn-over-44";
    public const string WirelessNameResolution = "console.wireless-name-resolution";
    public const string RenamedOrMoved = "console.renamed-or-moved";
    public const string SettingsNotApplied = "console.settings-not-applied";
    public const string RedirectionDisabled = "console.redirection-disabled";
    public const string PowerStateOnly = "console.power-state-only";
    public const string CertHashMissing = "prov.cert-hash-missing";
    public const string VersionUnsupported = "prov.amt-version-unsupported";

    /// <summary>
    /// A "date zero" certificate fails the console's TLS handshake like an expired one (the content maps amt.tls
    /// bad-date there). In provisioning it is cause 3 of SP2's "Device internal error" ("AMT firmware self signed
    /// certificate issue (date zero)"), a diagnosis of its own: suggested second.
    /// </summary>
    public const string CertZeroDate = "console.cannot-connect";
    public const string AmtSelfSignedCert = "prov.amt-self-signed-cert";

    /// <summary>
    /// A device that takes only TLS (16992 closed, 16993 open): the console and tools that talk to 16992 get no
    /// answer, so it stays on "Connecting".
    /// </summary>
    public const string TlsOnly = "console.amt-tls-only";

    /// <summary>An untrusted root on the device certificate fails the console's TLS handshake.</summary>
    public const string CertUntrusted = "console.cannot-connect";

    /// <summary>An expired device certificate fails the console's TLS handshake: it stays on "Connecting".</summary>
    public const string CertExpired = "console.cannot-connect";
}
