namespace OobWizard.Logs;

/// <summary>
/// A stable text fragment in a log that points at a node of the tree: a diagnosis, or, for a message
/// several causes share, the question that separates them (<see cref="Candidates"/> lists those causes).
/// <see cref="File"/> names the log (<c>Amtopmgr.log</c>) or is <see cref="AnyFile"/> for text printed
/// elsewhere (a provisioning tool's output). <see cref="Order"/> breaks ties: lower is more likely (tree order).
/// </summary>
public sealed record LogSignature(string NodeId, string File, string Text, int Order)
{
    /// <summary>The file value for a signature that may appear in any text.</summary>
    public const string AnyFile = "*";

    /// <summary>Counts only when a signature of the same node that is not supporting matched too (a normal line that comes before the error).</summary>
    public bool Supporting { get; init; }

    /// <summary>When not empty, the entry must also hold one of these fragments (the context that makes a generic code specific).</summary>
    public IReadOnlyList<string> With { get; init; } = [];

    /// <summary>For a shared message: the diagnoses it can mean (<see cref="NodeId"/> is then the question that separates them).</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];
}
