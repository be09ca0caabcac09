using System.Text;

namespace OobWizard.Logs;

/// <summary>Opens a log file as text: a byte order mark decides; without one, NUL bytes in every other position mean UTF-16, else UTF-8.</summary>
public static class LogFile
{
    public static StreamReader OpenText(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        try
        {
            Span<byte> head = stackalloc byte[4];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            return new StreamReader(stream, Guess(head[..read]), detectEncodingFromByteOrderMarks: true, 64 * 1024);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Which known log the first <paramref name="chars"/> characters of a file come from, by their
    /// components (null when none names one). Used to pick logs out of a folder by content.
    /// </summary>
    public static LogRecognition? RecognizeHead(string path, int chars = 64 * 1024)
    {
        using var reader = OpenText(path);
        var buffer = new char[chars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var recognizer = new LogRecognizer();
        foreach (var entry in LogParser.Parse(path, new StringReader(new string(buffer, 0, read))))
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
