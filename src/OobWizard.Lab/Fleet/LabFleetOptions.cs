using System.Net;

namespace OobWizard.Lab.Fleet;

/// <summary>How to build a <see cref="LabFleet"/>.</summary>
public sealed record LabFleetOptions
{
    /// <summary>The most devices one fleet serves: 100,000 addresses of 127.0.0.0/8.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Number of addresses (devices and silent ones), 1 to <see cref="MaxCount"/>.</summary>
    public required int Count { get; init; }

    public LabFleetMix Mix { get; init; } = LabFleetMix.Default;

    /// <summary>The first address; the others count up from it, skipping .0 and .255 in the last byte.</summary>
    public IPAddress FirstAddress { get; init; } = IPAddress.Parse("127.100.0.1");

    /// <summary>WS-Man HTTP port; TLS, redirection and redirection TLS take the next three. Null: a free block is chosen.</summary>
    public int? BasePort { get; init; }

    /// <summary>The account every device accepts (devices of other-management-solution know another password).</summary>
    public required LabCredentials Credentials { get; init; }

    /// <summary>How long each device takes per WS-Man request, one at a time (real AMT: about 0.25 s on a LAN).</summary>
    public TimeSpan ResponseDelay { get; init; }

    /// <summary>Fixes the order the mix is dealt in.</summary>
    public int Seed { get; init; } = 1;
}
