namespace OobWizard.Logs;

/// <summary>
/// A diagnosis the logs point at: which of its signatures matched (<see cref="Signatures"/>, distinct),
/// the entries that matched (the first <see cref="LogMatcher.MaxHitsPerDiagnosis"/> of
/// <see cref="HitCount"/>), and its tree <see cref="Order"/>.
/// </summary>
public sealed record LogCandidate(string DiagnosisId, int Order, IReadOnlyList<LogSignature> Signatures, IReadOnlyList<LogHit> Hits, int HitCount);
