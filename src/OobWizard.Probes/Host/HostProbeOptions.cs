using OobWizard.Core.Files;
using OobWizard.Probes.Dns;

namespace OobWizard.Probes.Host;

/// <summary>Where the host probes look; tests replace each source with fixed text.</summary>
public sealed class HostProbeOptions
{
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public ISystemResolver SystemResolver { get; init; } = new RuntimeSystemResolver();

    public bool IsWindows { get; init; } = OperatingSystem.IsWindows();

    /// <summary>
    /// Text of /etc/gai.conf (glibc's address-selection policy), null when absent; read through <see cref="InputFile"/>
    /// (<see cref="ReadLimit.SystemConfig"/>), so a FIFO or a device there cannot block the probe.
    /// </summary>
    public Func<string?> ReadGaiConf { get; init; } = () =>
        FileKinds.Of("/etc/gai.conf").Kind == FileKind.Missing ? null : InputFile.ReadAllText("/etc/gai.conf", ReadLimit.SystemConfig);

    /// <summary>Output of <c>netsh interface ipv6 show prefixpolicies</c> on Windows.</summary>
    public Func<CancellationToken, Task<string?>> ReadWindowsPrefixPolicies { get; init; } =
        ct => ReadOnlyCommand.RunAsync("netsh", ["interface", "ipv6", "show", "prefixpolicies"], ct);

    /// <summary>Output of <c>netsh winhttp show proxy</c> on Windows.</summary>
    public Func<CancellationToken, Task<string?>> ReadWinHttpProxy { get; init; } =
        ct => ReadOnlyCommand.RunAsync("netsh", ["winhttp", "show", "proxy"], ct);

    /// <summary>Whether this host has an IPv6 address it could reach other hosts with (not loopback or link-local).</summary>
    public Func<bool> HasRoutableIpv6 { get; init; } = HostAddresses.HasRoutableIpv6;
}
