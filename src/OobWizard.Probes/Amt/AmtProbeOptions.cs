namespace OobWizard.Probes.Amt;

/// <summary>
/// Ports and bounds of the AMT probes besides what <see cref="ProbeContext"/> carries. Real devices use the
/// defaults; a lab device on loopback may listen elsewhere (see OobWizard.Lab's LabEndpoint.CreateProbeOptions).
/// </summary>
public sealed record AmtProbeOptions
{
    /// <summary>SOL/IDER redirection, plain and TLS.</summary>
    public int RedirectionPort { get; init; } = 16994;
    public int RedirectionTlsPort { get; init; } = 16995;

    /// <summary>The TCP ports the SDK pairs with 16992/16993 (ASF/RMCP secure and plain); reported, never required.</summary>
    public IReadOnlyList<int> ExtraTcpPorts { get; init; } = [623, 664];

    /// <summary>UDP port of the RMCP presence ping.</summary>
    public int RmcpPort { get; init; } = 623;

    /// <summary>Bound for one TCP connect or RMCP ping; kept below the probe timeout so a filtered port cannot use it all.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Clock for certificate validity (tests pin it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static AmtProbeOptions Default { get; } = new();
}
