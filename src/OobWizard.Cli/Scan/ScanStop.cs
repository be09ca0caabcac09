namespace OobWizard.Cli.Scan;

/// <summary>Why <see cref="ScanEngine.RunAsync"/> returned.</summary>
public enum ScanStop
{
    /// <summary>Every device was checked.</summary>
    Completed,

    /// <summary>The user's Ctrl+C (the token): devices in flight were stopped and are not reported.</summary>
    Interrupted,

    /// <summary>
    /// The site credential gate closed: the first devices refused the password and none accepted it. Devices in flight
    /// were stopped and queued again; nothing more is sent unless the user overrules.
    /// </summary>
    SiteRefused,
}
