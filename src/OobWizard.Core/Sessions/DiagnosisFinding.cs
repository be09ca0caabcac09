namespace OobWizard.Core.Sessions;

/// <summary>
/// A diagnosis node on the path taken. <see cref="Probe"/> and <see cref="Verdict"/> are set when a
/// live probe led to it (the probe confirmed the cause); null when the user's answers did.
/// </summary>
public sealed record DiagnosisFinding(string Node, string? Probe, string? Verdict, DiagnosisStatus Status)
{
    public bool ConfirmedByProbe => Probe is not null;

    /// <summary>A candidate the user tried and rejected, with no probe behind it: never "the diagnosis".</summary>
    public bool Rejected => Status == DiagnosisStatus.NotFixed && !ConfirmedByProbe;
}
