using OobWizard.Probes.Amt;

namespace OobWizard.Cli.Json;

/// <summary>
/// One line of `scan --json`: the target as the list wrote it, the device's status, the list's FQDN and notes (left
/// out when empty), then the fields of <c>check --json</c> (<see cref="AmtCheckDocument"/>). No password.
/// </summary>
public sealed record ScanDeviceDocument(
    string Target,
    string Status,
    string? Fqdn,
    string? Notes,
    string User,
    double ElapsedMs,
    int ExitCode,
    IReadOnlyDictionary<string, int> Summary,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<AmtCheckProbeDocument> Probes);
