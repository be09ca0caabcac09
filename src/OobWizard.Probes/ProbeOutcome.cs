namespace OobWizard.Probes;

/// <summary>
/// How a probe ended, in flutter-doctor terms. The wizard only follows a probe's
/// <see cref="ProbeResult.Verdict"/> when the outcome is <see cref="Pass"/> or <see cref="Finding"/>;
/// <see cref="Inconclusive"/> and <see cref="Error"/> fall back to the node's manual question.
/// </summary>
public enum ProbeOutcome
{
    /// <summary>The check ran and found nothing wrong.</summary>
    Pass,
    /// <summary>The check ran and found a problem (the verdict says which).</summary>
    Finding,
    /// <summary>The check ran but could not decide (no credentials, refused, partial answer).</summary>
    Inconclusive,
    /// <summary>The check could not run or crashed; the runner turned the exception into this.</summary>
    Error,
}
