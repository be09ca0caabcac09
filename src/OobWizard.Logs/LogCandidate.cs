namespace OobWizard.Logs;

/// <summary>
/// A node the logs point at: a diagnosis, or for a shared message the question that separates the
/// diagnoses in <see cref="Candidates"/>. <see cref="Signatures"/>: the distinct signatures matched;
/// <see cref="Hits"/>: the first <see cref="LogMatcher.MaxHitsPerDiagnosis"/> of <see cref="HitCount"/>
/// matching entries; <see cref="Order"/>: its tree order.
/// </summary>
public sealed record LogCandidate(string NodeId, int Order, IReadOnlyList<LogSignature> Signatures, IReadOnlyList<LogHit> Hits, int HitCount, IReadOnlyList<string> Candidates)
{
    /// <summary>A message several causes share: <see cref="NodeId"/> is the question that separates them.</summary>
    public bool IsShared => Candidates.Count > 0;
}
