namespace OobWizard.Core.Files;

/// <summary>
/// A read-only stream over a file that throws <see cref="InputFileException"/> once more than the kind's
/// <see cref="ReadLimit"/> has been read: the bound for a file that grows while a reader streams it
/// (its size was checked before it was opened).
/// </summary>
internal sealed class LimitedReadStream(FileStream inner, string path, ReadLimit limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _read += read;
        if (_read > limit.MaxBytes)
        {
            throw InputFile.TooLarge(path, -1, limit);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
