using System.Globalization;

namespace OobWizard.Cli.Scan;

/// <summary>
/// One device of a scan: the host as the list wrote it (a name, an address, <c>host:port</c> or a URL, parsed into
/// <see cref="Spec"/>), the FQDN the console knows it by (optional; amt.general and amt.tls compare against it), a
/// free-text note carried into the results, and where in the list it came from.
/// </summary>
public sealed record ScanTarget(string Host, TargetSpec Spec, string? Fqdn, string? Notes, int Line)
{
    /// <summary>
    /// What identifies the device across runs (`--resume-from`) and in the list (duplicates): the host as written,
    /// lower-cased and trimmed. The same device written two ways (a name and its address) counts twice.
    /// </summary>
    public string Key => Normalize(Host);

    /// <summary>The key of a host as written anywhere (list line, JSON Lines "target").</summary>
    public static string Normalize(string host) => (host ?? "").Trim().TrimEnd('/').ToLower(CultureInfo.InvariantCulture);
}
