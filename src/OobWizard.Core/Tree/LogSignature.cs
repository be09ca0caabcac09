namespace OobWizard.Core.Tree;

/// <summary>
/// A log and a stable text fragment that points at a node: <see cref="File"/> names the log
/// (<c>Amtopmgr.log</c>) or is <c>*</c> for text printed anywhere (a provisioning tool's output).
/// <see cref="Supporting"/>: a normal line that only adds weight when another signature of the node
/// matched. <see cref="With"/>: the entry must also hold one of these fragments (the context that
/// makes a generic code specific). Equal when all of these are equal.
/// </summary>
public sealed record LogSignature(string File, string Text)
{
    public bool Supporting { get; init; }

    public IReadOnlyList<string> With { get; init; } = [];

    public bool Equals(LogSignature? other) =>
        other is not null && File == other.File && Text == other.Text && Supporting == other.Supporting && With.SequenceEqual(other.With);

    public override int GetHashCode() => HashCode.Combine(File, Text, Supporting, With.Count);
}
