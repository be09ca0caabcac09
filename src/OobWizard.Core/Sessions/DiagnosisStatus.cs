namespace OobWizard.Core.Sessions;

/// <summary>What became of a diagnosis on the path: still open, fixed, or its fix did not help.</summary>
public enum DiagnosisStatus
{
    /// <summary>The wizard is at it; the user has not answered "did it work?" yet.</summary>
    Open,

    /// <summary>The user said the fix worked (after a re-check where a live probe had found it).</summary>
    Fixed,

    /// <summary>The user said the problem is still there.</summary>
    NotFixed,

    /// <summary>The path went on from it without an answer (a jump).</summary>
    Left,
}
