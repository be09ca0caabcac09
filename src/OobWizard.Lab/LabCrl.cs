namespace OobWizard.Lab;

/// <summary>What the lab's CRL distribution point gives for a device certificate issued by the lab root.</summary>
public enum LabCrl
{
    /// <summary>A current CRL signed by the lab root, not listing the device.</summary>
    Current,

    /// <summary>A CRL whose nextUpdate has passed.</summary>
    Stale,

    /// <summary>The certificate's distribution point names a loopback port where nothing listens.</summary>
    Unreachable,

    /// <summary>A current CRL that lists the device certificate.</summary>
    Revoked,
}
