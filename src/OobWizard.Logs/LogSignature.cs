namespace OobWizard.Logs;

/// <summary>
/// A stable text fragment in a named log file that points at a diagnosis. <see cref="Order"/> breaks
/// ties between diagnoses: lower is more likely (the content's tree order).
/// </summary>
public sealed record LogSignature(string DiagnosisId, string File, string Text, int Order);
