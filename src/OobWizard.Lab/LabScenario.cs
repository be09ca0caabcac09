namespace OobWizard.Lab;

/// <summary>
/// A named device state that reproduces one catalog problem. <see cref="ExpectedVerdicts"/> lists the probe verdicts
/// that show it (probes not listed give <c>pass</c> or their scenario-neutral verdict); tests and docs read it.
/// </summary>
public sealed record LabScenario(
    string Name,
    string DiagnosisId,
    string Summary,
    IReadOnlyDictionary<string, string> ExpectedVerdicts,
    Func<LabDeviceModel> CreateModel);
