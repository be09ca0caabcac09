namespace OobWizard.Lab;

/// <summary>
/// Ports a lab device listens on. 0 picks a free port; null leaves that port closed. Each device has its own loopback
/// address, so the defaults are AMT's real ports; tests use 0 everywhere to stay out of each other's way.
/// </summary>
public sealed record LabPorts
{
    public int Http { get; init; } = 16992;
    public int Tls { get; init; } = 16993;

    /// <summary>SOL/IDER redirection, plain and TLS. Opened only when the scenario's redirection listener is enabled.</summary>
    public int? Redirection { get; init; } = 16994;
    public int? RedirectionTls { get; init; } = 16995;

    /// <summary>UDP RMCP presence ping. 623 needs privileges on Linux, so the default is a free port.</summary>
    public int? Rmcp { get; init; } = 0;

    public static LabPorts Standard { get; } = new();

    public static LabPorts Ephemeral { get; } = new() { Http = 0, Tls = 0, Redirection = 0, RedirectionTls = 0, Rmcp = 0 };
}
