namespace OobWizard.Probes.Amt;

/// <summary>Catalog diagnosis ids (../shared/problem-catalog.md) the AMT probes suggest, kept in one place.</summary>
public static class AmtDiagnoses
{
    public const string CannotConnect = "console.cannot-connect";
    public const string OtherManagementSolution = "prov.other-management-solution";
    public const string Wireless = "prov.wireless";
    public const string WirelessNameResolution = "console.wireless-name-resolution";
    public const string RenamedOrMoved = "console.renamed-or-moved";
    public const string SettingsNotApplied = "console.settings-not-applied";
    public const string RedirectionDisabled = "console.redirection-disabled";
    public const string PowerStateOnly = "console.power-state-only";
    public const string CertHashMissing = "prov.cert-hash-missing";
    public const string VersionUnsupported = "prov.amt-version-unsupported";

    /// <summary>
    /// "AMT firmware self signed certificate issue (date zero)" is cause 3 of SP2's "Device internal error" message,
    /// which the catalog files under prov.hotfix-942841 (and prov.dns-dhcp); the former is where the wizard asks about it.
    /// </summary>
    public const string CertZeroDate = "prov.hotfix-942841";

    /// <summary>An expired device certificate fails the console's TLS handshake: it stays on "Connecting".</summary>
    public const string CertExpired = "console.cannot-connect";
}
