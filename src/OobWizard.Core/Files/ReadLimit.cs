namespace OobWizard.Core.Files;

/// <summary>The most bytes a kind of input file may have (<see cref="What"/> names the kind in messages).</summary>
public sealed record ReadLimit(string What, long MaxBytes)
{
    /// <summary>A saved session. A long walk with every probe's evidence is tens of KB.</summary>
    public static readonly ReadLimit Session = new("session file", 8L << 20);

    /// <summary>A certificate file (PEM, DER or PFX, a few certificates; the Debian CA bundle is 220 KB).</summary>
    public static readonly ReadLimit Certificate = new("certificate file", 1L << 20);

    /// <summary>One node's text in one language (the longest shipped page is under 2 KB).</summary>
    public static readonly ReadLimit ContentPage = new("content page", 64L << 10);

    /// <summary>A tree file (tree/*.yaml; the shipped ones are under 10 KB). 4 MiB of YAML is about 150,000 choices and costs the parser about 200 MB.</summary>
    public static readonly ReadLimit TreeFile = new("tree file", 4L << 20);

    /// <summary>A language's ui.yaml (the shipped ones are under 5 KB).</summary>
    public static readonly ReadLimit UiStrings = new("UI strings file", 256L << 10);

    /// <summary>
    /// <c>scan --targets</c>: one host per line or CSV HOST,FQDN,NOTES, 40 to 150 bytes a device, so 16 MiB holds the
    /// list of a site of 100,000 devices with notes (a ConfigMgr 2007 primary site serves at most 100,000 clients).
    /// The worst a list this size can do (2.9 million host names of 1 to 5 letters) was measured at 830 MB peak and
    /// 13 s of CPU for the list and its duplicate check: the cap is what bounds that.
    /// </summary>
    public static readonly ReadLimit TargetList = new("target list", 16L << 20);

    /// <summary>
    /// <c>scan --resume-from</c>: the JSON Lines of earlier <c>scan --json</c> runs. A device's record is 3 to 7 KB
    /// (measured against a lab fleet: 3 KB for a closed port, 7 KB for a whole check), so 1 GiB holds 150,000 devices
    /// and more. It is read line by line and keeps only the devices of the target list, so memory does not grow with
    /// the file (100 MB of records: 80 MB peak, 2.5 s of CPU; 1 GiB is about 30 s, and Ctrl+C stops it).
    /// </summary>
    public static readonly ReadLimit ScanResults = new("scan results file", 1L << 30);

    /// <summary>A configuration file of the operating system a probe reads (<c>/etc/gai.conf</c> is about 2.5 KB).</summary>
    public static readonly ReadLimit SystemConfig = new("system configuration file", 1L << 20);

    /// <summary>Bytes in the unit a reader understands (512 B, 64 KiB, 8 MiB, 1 GiB).</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} B",
    };
}
