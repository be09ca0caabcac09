namespace OobWizard.Core.Tree;

/// <summary>
/// One answer of a question (or of a probe node's manual question, or a diagnosis's verification).
/// <see cref="Requires"/> is a pure guard: "node=choice" answers that must be on the path taken.
/// </summary>
public sealed record Choice(string Id, string Next, IReadOnlyList<string> Requires, SourceLocation Source, bool Synthetic = false);
