namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// What an unauthenticated request reveals: the Digest realm (<c>Digest:</c> + 32 hex on AMT, equal to
/// AMT_GeneralSettings.DigestRealm) and the Server header, which carries the full firmware version on most AMT releases.
/// </summary>
public sealed record AmtChallenge(int HttpStatus, string? Realm, string? ServerHeader, IReadOnlyList<string> Schemes)
{
    /// <summary>Whether the answer looks like AMT at all (realm shape or Server header).</summary>
    public bool LooksLikeAmt =>
        (Realm?.StartsWith("Digest:", StringComparison.Ordinal) ?? false)
        || (ServerHeader?.Contains("Active Management Technology", StringComparison.OrdinalIgnoreCase) ?? false)
        || string.Equals(ServerHeader?.Trim(), "AMT", StringComparison.Ordinal);

    /// <summary>The firmware version in the Server header, for example 15.0.23.1706; null when absent (ME 11 may send only "AMT").</summary>
    public AmtVersion? Version => AmtVersion.FromServerHeader(ServerHeader);
}
