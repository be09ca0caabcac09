namespace OobWizard.Cli.Wizard;

/// <summary>
/// The re-check behind "did it work?": at <see cref="Diagnosis"/>, which the live probe
/// <see cref="Probe"/> found with <see cref="Verdict"/>, that probe runs again before "fixed" is accepted.
/// </summary>
public sealed record FixCheck(string Diagnosis, string Probe, string Verdict);
