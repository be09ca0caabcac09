using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// Which AMT firmware ConfigMgr 2007 manages natively. Firmware below the minimum (AMT 2.x/3.0, which predate
/// WS-Management) needs the Intel WS-MAN Translator and out-of-band provisioning (seed 000, "AMT version not
/// supported"). Kept as data so a corrected row is a one-line change.
/// </summary>
public static class ConfigMgrAmtSupport
{
    private const string Sp1Source = "Microsoft TechNet, \"Supported Configurations for Configuration Manager 2007 SP1\", out of band management (AMT 3.2.1 and later)";
    private const string Sp2Source = "Microsoft TechNet, \"Supported Configurations for Configuration Manager 2007 SP2\", out of band management (AMT 3.2.1 and later)";

    /// <summary>
    /// The minimum 3.2.1 is from memory of the TechNet pages named as the source, which the seed points to but does
    /// not quote; marked unverified until checked against those pages.
    /// </summary>
    public static IReadOnlyList<AmtSupportRule> Rules { get; } =
    [
        new("ConfigMgr 2007 SP1", new AmtVersion(3, 2, 1, null), Sp1Source, Verified: false),
        new("ConfigMgr 2007 SP2", new AmtVersion(3, 2, 1, null), Sp2Source, Verified: false),
    ];

    /// <summary>
    /// SP2's audit log feature needs AMT 4.0 or later. Source: Microsoft TechNet, "Prerequisites for Out of Band
    /// Management" (http://technet.microsoft.com/en-us/library/cc161785.aspx): "AMT versions lower than 4.0 do not
    /// support auditing."
    /// </summary>
    public static AmtVersion AuditingMinimum { get; } = new(4, 0, 0, null);

    public const string AuditingSource = "TechNet cc161785, Prerequisites for Out of Band Management (SP2 auditing needs AMT 4.0+)";

    public static bool IsSupported(AmtSupportRule rule, AmtVersion version) => version.CompareTo(rule.Minimum) >= 0;
}
