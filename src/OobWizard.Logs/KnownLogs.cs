namespace OobWizard.Logs;

/// <summary>The logs the signatures name, and how a log is recognised: by its lines' component first, its file name second.</summary>
public static class KnownLogs
{
    /// <summary>
    /// Amtopmgr.log: the out of band service point (SMS_AMT_OPERATION_MANAGER, seed 002); Amtproxymgr.log:
    /// the site server (SMS_AMT_PROXY_COMPONENT, seed 000); Oobmgmt.log: the client; Oobconsole.log: the
    /// out of band management console. A component equal to the log's stem counts too.
    /// </summary>
    public static IReadOnlyList<KnownLog> All { get; } =
    [
        new("Amtopmgr.log", ["SMS_AMT_OPERATION_MANAGER"]),
        new("Amtproxymgr.log", ["SMS_AMT_PROXY_COMPONENT"]),
        new("Oobmgmt.log", []),
        new("Oobconsole.log", []),
    ];

    /// <summary>The log whose lines carry <paramref name="component"/>, or null.</summary>
    public static KnownLog? ByComponent(string? component)
    {
        if (string.IsNullOrWhiteSpace(component))
        {
            return null;
        }

        var c = component.Trim();
        return All.FirstOrDefault(l => l.Components.Contains(c, StringComparer.OrdinalIgnoreCase) || string.Equals(l.Stem, c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The log a file name hints at: its name (folders and extension aside) contains the log's stem, so
    /// <c>PC01_Oobconsole (1).log</c> and <c>amtopmgr.lo_</c> count; the longest stem wins. Null for none.
    /// </summary>
    public static KnownLog? ByFileName(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Trim() == "-")
        {
            return null;
        }

        var name = Path.GetFileName(path.Trim().Replace('\\', '/')).ToLowerInvariant();
        return All.Where(l => name.Contains(l.Stem, StringComparison.Ordinal)).OrderByDescending(l => l.Stem.Length).FirstOrDefault();
    }

    /// <summary>The known log with this name (case-insensitive, <c>.lo_</c> as <c>.log</c>), or null.</summary>
    public static KnownLog? ByName(string name)
    {
        var n = Path.GetFileName(name.Trim()).ToLowerInvariant();
        if (n.EndsWith(".lo_", StringComparison.Ordinal))
        {
            n = n[..^4] + ".log";
        }

        return All.FirstOrDefault(l => string.Equals(l.Name, n, StringComparison.OrdinalIgnoreCase));
    }
}
