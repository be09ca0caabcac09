namespace OobWizard.Cli;

/// <summary>
/// A reader that stops with <see cref="OperationCanceledException"/> at the next block once the token
/// is cancelled (Ctrl+C), so no long read (a huge log, an endless pipe) outlives the user's patience.
/// </summary>
public sealed class CancellableReader(TextReader inner, CancellationToken ct) : TextReader
{
    public override int Read(char[] buffer, int index, int count)
    {
        ct.ThrowIfCancellationRequested();
        return inner.Read(buffer, index, count);
    }

    public override int Read(Span<char> buffer)
    {
        ct.ThrowIfCancellationRequested();
        return inner.Read(buffer);
    }

    public override int Read()
    {
        ct.ThrowIfCancellationRequested();
        return inner.Read();
    }

    public override int Peek() => inner.Peek();

    public override string? ReadLine()
    {
        ct.ThrowIfCancellationRequested();
        return inner.ReadLine();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
