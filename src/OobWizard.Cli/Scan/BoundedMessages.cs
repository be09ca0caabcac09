namespace OobWizard.Cli.Scan;

/// <summary>Messages about a file's lines: the first <c>max</c> kept as text, every one counted (a file of a million bad lines costs a counter, not a million strings).</summary>
public sealed class BoundedMessages(int max)
{
    private readonly List<string> _kept = [];

    /// <summary>The first messages, in the order they were added.</summary>
    public IReadOnlyList<string> Kept => _kept;

    /// <summary>Every message added.</summary>
    public int Count { get; private set; }

    public void Add(string message)
    {
        Count++;
        if (_kept.Count < max) _kept.Add(message);
    }
}
