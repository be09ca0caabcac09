namespace OobWizard.Probes.Amt.Wsman;

/// <summary>Where and how to talk WS-Man. The password lives only in memory and is never logged or serialised.</summary>
public sealed record WsmanClientOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 16992;

    /// <summary>HTTPS (AMT: 16993) instead of plain HTTP (16992).</summary>
    public bool UseTls { get; init; }

    public string User { get; init; } = "admin";

    public string? Password { get; init; }

    /// <summary>Bound for one request/response exchange, including the Digest round trip.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Accept a certificate that does not validate even for authenticated calls (the user was warned).</summary>
    public bool Insecure { get; init; }

    /// <summary>A PEM/DER file of CA certificates to trust for the device certificate.</summary>
    public string? CaFile { get; init; }

    /// <summary>Cap on a response body; AMT's answers are a few kilobytes, so a megabyte means something is wrong.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Cap on Pull rounds, so a device that never sends EndOfSequence cannot keep us forever.</summary>
    public int MaxPulls { get; init; } = 256;

    public Uri BaseUri => new UriBuilder(UseTls ? "https" : "http", Host, Port, "/wsman").Uri;
}
