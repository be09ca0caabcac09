using OobWizard.Core.Tree;

namespace OobWizard.Core.Content;

/// <summary>
/// A term that must not appear in a language's prose (<see cref="Wrong"/>), the one to use instead
/// (<see cref="Right"/>) and why (<see cref="Reason"/>). Matched case-insensitively, except in
/// languages without letter case.
/// </summary>
public sealed record Term(string Wrong, string Right, string Reason, SourceLocation Source);
