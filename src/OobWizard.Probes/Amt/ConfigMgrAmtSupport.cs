using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// Which AMT firmware ConfigMgr 2007 manages natively: a lower bound and an upper one. Below the minimum (AMT 2.x/3.0,
/// which predate WS-Management) the Intel WS-MAN Translator and out-of-band provisioning are needed (seed 000, "AMT
/// version not supported"); above the maximum the release does not know the firmware at all. Kept as data so a
/// corrected row is a one-line change.
/// </summary>
public static class ConfigMgrAmtSupport
{
    /// <summary>Microsoft TechNet, "Configuration Manager 2007 SP1 Supported Configurations", section Out of Band Management.</summary>
    private const string Sp1Source = "Microsoft TechNet, \"Configuration Manager 2007 SP1 Supported Configurations\", Out of Band Management (AMT 3.2.1 to 5.x)";

    /// <summary>Microsoft TechNet, "Configuration Manager 2007 SP2 Supported Configurations", section Out of Band Management.</summary>
    private const string Sp2Source = "Microsoft TechNet, \"Configuration Manager 2007 SP2 Supported Configurations\", Out of Band Management (AMT 3.2.1 to 6.x)";

    /// <summary>
    /// The pages named as sources: "Prerequisites for Out of Band Management" (TechNet cc161785, checked) sends the
    /// reader to "Configuration Manager 2007 SP1 Supported Configurations" and "... SP2 Supported Configurations" for
    /// the natively supported AMT versions, and to Intel's translator for the others. The bounds themselves (3.2.1;
    /// SP1 to 5.x, SP2 adding 6.x) are recalled from those pages, which could not be opened from here: marked
    /// unverified until checked.
    /// </summary>
    public static IReadOnlyList<AmtSupportRule> Rules { get; } =
    [
        new("ConfigMgr 2007 SP1", new AmtVersion(3, 2, 1, null), new AmtVersion(6, 0, 0, null), Sp1Source, Verified: false),
        new("ConfigMgr 2007 SP2", new AmtVersion(3, 2, 1, null), new AmtVersion(7, 0, 0, null), Sp2Source, Verified: false),
    ];

    /// <summary>What a site can do with firmware newer than any ConfigMgr 2007 release supports.</summary>
    public const string BeyondAdvice =
        "ConfigMgr 2007 cannot provision or manage it out of band: manage AMT with Intel's own tools (Intel Setup and Configuration Software, " +
        "with its add-on for Configuration Manager), and keep the site from provisioning it (leave it out of the out of band provisioning collection)";

    /// <summary>What a site can do with firmware older than the minimum.</summary>
    public const string BelowAdvice = "use the Intel WS-MAN Translator and out of band provisioning, or update the AMT firmware";

    /// <summary>
    /// SP2's audit log feature needs AMT 4.0 or later. Source: Microsoft TechNet, "Prerequisites for Out of Band
    /// Management" (http://technet.microsoft.com/en-us/library/cc161785.aspx): "AMT versions lower than 4.0 do not
    /// support auditing."
    /// </summary>
    public static AmtVersion AuditingMinimum { get; } = new(4, 0, 0, null);

    public const string AuditingSource = "TechNet cc161785, Prerequisites for Out of Band Management (SP2 auditing needs AMT 4.0+)";

    public static bool IsSupported(AmtSupportRule rule, AmtVersion version)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Supports(version);
    }
}
