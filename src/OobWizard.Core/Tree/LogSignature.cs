namespace OobWizard.Core.Tree;

/// <summary>A log file and a stable text fragment that points at a diagnosis.</summary>
public sealed record LogSignature(string File, string Text);
