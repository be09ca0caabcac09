using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// One row of the ConfigMgr 2007 native AMT support table: a release supports firmware from <see cref="Minimum"/> up
/// to, not including, <see cref="Below"/> (the first major version it does not know).
/// </summary>
public sealed record AmtSupportRule(string Release, AmtVersion Minimum, AmtVersion Below, string Source, bool Verified)
{
    public bool Supports(AmtVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.CompareTo(Minimum) >= 0 && version.CompareTo(Below) < 0;
    }

    /// <summary>"3.2.1 up to 5.x".</summary>
    public string RangeText => $"{Minimum} up to {Below.Major - 1}.x";
}
