namespace OobWizard.Probes;

/// <summary>One fact a probe observed, shown as a table row ("Server header" | "Intel(R) AMT 6.0.3").</summary>
public sealed record Evidence(string Name, string Value);
