namespace OobWizard.Probes.Amt;

/// <summary>One probe's result in a check run, with how long it took.</summary>
public sealed record AmtCheckEntry(ProbeResult Result, TimeSpan Elapsed);
