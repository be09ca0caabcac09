namespace OobWizard.Cli.Tests.Support;

/// <summary>Standard input that runs an action before it hands out a given line (a disk fills up mid-session, say).</summary>
public sealed class ScriptedInput : TextReader
{
    private readonly Queue<(string Line, Action? Before)> _lines = new();

    public ScriptedInput Line(string line, Action? before = null)
    {
        _lines.Enqueue((line, before));
        return this;
    }

    public override string? ReadLine()
    {
        if (!_lines.TryDequeue(out var next))
        {
            return null;
        }

        next.Before?.Invoke();
        return next.Line;
    }

    public override int Peek() => -1;

    public override int Read() => -1;
}
