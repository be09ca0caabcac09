namespace OobWizard.Logs;

/// <summary>
/// A ConfigMgr 2007 log that out-of-band management writes, with the component names its lines carry
/// (CCM <c>component="…"</c>, SMS trace <c>$$&lt;…&gt;</c>, CMTrace clipboard column), compared
/// case-insensitively. Source: ../shared/reference/configmgr-logs.md and the seeds.
/// </summary>
public sealed record KnownLog(string Name, IReadOnlyList<string> Components)
{
    /// <summary>The name without extension, lower case (<c>amtopmgr</c>): what a file name must contain to hint at this log.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(Name).ToLowerInvariant();
}
