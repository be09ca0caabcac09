using System.Text;

namespace OobWizard.Cli;

/// <summary>
/// Drops the spaces Spectre pads lines with, so plain output is clean for screen readers, diffs
/// and scripts.
/// </summary>
public sealed class TrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            inner.Write(_line.ToString().TrimEnd(' '));
            inner.Write('\n');
            _line.Clear();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        // A prompt ("> ") has no newline yet: it must reach the user as it is.
        inner.Write(_line.ToString());
        _line.Clear();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
