using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// A log's bytes as text: a byte order mark decides; without one, NUL bytes in every other position mean
/// UTF-16, else UTF-8. The caller opens the stream (the command line refuses FIFOs and devices first).
/// </summary>
public static class LogFile
{
    /// <summary>A reader over <paramref name="stream"/> (read from where it is; the reader owns it).</summary>
    public static StreamReader OpenText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[4];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return new StreamReader(new PrefixedStream(head[..read], stream, ownsRest: true), Guess(head.AsSpan(0, read)), detectEncodingFromByteOrderMarks: true, 64 * 1024);
    }

    /// <summary>
    /// Which known log the first <paramref name="chars"/> characters of <paramref name="stream"/> come from,
    /// by their components (null when none names one). Used to pick logs out of a folder by content.
    /// </summary>
    public static LogRecognition? RecognizeHead(Stream stream, string name, int chars = 64 * 1024)
    {
        using var reader = OpenText(stream);
        var buffer = new char[chars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var recognizer = new LogRecognizer();
        foreach (var entry in LogParser.Parse(name, new StringReader(new string(buffer, 0, read))))
        {
            recognizer.Observe(entry);
        }

        return recognizer.Result();
    }

    /// <summary>The encoding to assume when there is no byte order mark.</summary>
    internal static Encoding Guess(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0)
        {
            return Encoding.Unicode;
        }

        if (head.Length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)
        {
            return Encoding.BigEndianUnicode;
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}
