using System.Globalization;
using System.Text;

namespace OobWizard.Core.Files;

/// <summary>
/// The one way to read a file a user or a support team can point at (a session, a certificate, a
/// content page, a scan's target list): anything that is not a regular file (a FIFO, <c>/dev/zero</c>, a socket, a folder)
/// is refused before it is opened, and no read takes more than the kind's <see cref="ReadLimit"/>
/// (checked against the size first, then while reading, for a file that grows).
/// </summary>
public static class InputFile
{
    /// <exception cref="InputFileException">the path is missing or not a regular file (the message names it and what it is).</exception>
    public static void RequireRegular(string path)
    {
        var (kind, _) = FileKinds.Of(path);
        Check(path, kind);
    }

    /// <summary>
    /// Checks a path that something else will read (a CA file handed to libldap): a regular file of at most
    /// <paramref name="limit"/> bytes.
    /// </summary>
    /// <exception cref="InputFileException">missing, not a regular file, or larger than the limit.</exception>
    public static void RequireRegular(string path, ReadLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var (kind, size) = FileKinds.Of(path);
        Check(path, kind);
        if (size > limit.MaxBytes)
        {
            throw TooLarge(path, size, limit);
        }
    }

    /// <summary>
    /// Opens a regular file as text (UTF-8 unless a byte order mark says otherwise) for a reader that streams it
    /// line by line (a scan's target list, its JSON Lines): refused before opening when it is not a regular file or
    /// is larger than <paramref name="limit"/>, and a read past the limit (a file that grows) throws.
    /// </summary>
    /// <exception cref="InputFileException">not a regular file or larger than the limit (also thrown by a read of the returned reader).</exception>
    /// <exception cref="IOException">the file could not be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">no permission to read it.</exception>
    public static TextReader OpenText(string path, ReadLimit limit)
    {
        RequireRegular(path, limit);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
        return new StreamReader(new LimitedReadStream(stream, path, limit), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 64 * 1024);
    }

    /// <summary>Reads the whole file, at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="InputFileException">not a regular file, or larger than the limit.</exception>
    /// <exception cref="IOException">the file could not be read (the OS's reason).</exception>
    /// <exception cref="UnauthorizedAccessException">no permission to read it.</exception>
    public static byte[] ReadAllBytes(string path, ReadLimit limit)
    {
        var (kind, size) = FileKinds.Of(path);
        Check(path, kind);
        if (size > limit.MaxBytes)
        {
            throw TooLarge(path, size, limit);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        return ReadBounded(stream, path, size, limit);
    }

    /// <summary>
    /// Reads a whole stream as text under the same cap and decoding as a file (an embedded resource,
    /// for example); <paramref name="name"/> names it in the message.
    /// </summary>
    /// <exception cref="InputFileException">the stream holds more than the limit.</exception>
    public static string ReadAllText(Stream stream, string name, ReadLimit limit) => Decode(ReadAllBytes(stream, name, limit));

    /// <summary>Reads a whole stream under the cap of <paramref name="limit"/>; <paramref name="name"/> names it in the message.</summary>
    /// <exception cref="InputFileException">the stream holds more than the limit.</exception>
    public static byte[] ReadAllBytes(Stream stream, string name, ReadLimit limit)
    {
        var size = stream.CanSeek ? stream.Length : 0;
        if (size > limit.MaxBytes)
        {
            throw TooLarge(name, size, limit);
        }

        return ReadBounded(stream, name, size, limit);
    }

    private static byte[] ReadBounded(Stream stream, string path, long size, ReadLimit limit)
    {
        var buffer = new byte[(int)Math.Min(limit.MaxBytes + 1, Math.Max(size, 0) + 1)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > limit.MaxBytes)
                {
                    throw TooLarge(path, -1, limit);
                }

                Array.Resize(ref buffer, (int)Math.Min(limit.MaxBytes + 1, (long)buffer.Length * 2));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > limit.MaxBytes)
        {
            throw TooLarge(path, -1, limit);
        }

        Array.Resize(ref buffer, total);
        return buffer;
    }

    /// <summary>Reads the whole file as text (UTF-8 unless a byte order mark says otherwise), at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="InputFileException">not a regular file, or larger than the limit.</exception>
    /// <exception cref="IOException">the file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">no permission to read it.</exception>
    public static string ReadAllText(string path, ReadLimit limit)
    {
        return Decode(ReadAllBytes(path, limit));
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The text of <paramref name="bytes"/>: UTF-8, unless a byte order mark names UTF-16 or UTF-32 (LE/BE), as
    /// StreamReader's detection does; invalid bytes become U+FFFD. One string allocation: start-up decodes every
    /// embedded content file with it, and a StreamReader per file cost about a tenth of `checklist`'s CPU.
    /// </summary>
    internal static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> b = bytes;
        return b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => Utf8.GetString(b[3..]),
            [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(b[4..]),
            [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(b[4..]),
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(b[2..]),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(b[2..]),
            _ => Utf8.GetString(b),
        };
    }

    /// <summary>Opens a regular file for a reader that bounds itself (a log parser); refuses FIFOs and devices before opening.</summary>
    /// <exception cref="InputFileException">not a regular file.</exception>
    public static FileStream OpenRead(string path, int bufferSize = 64 * 1024)
    {
        RequireRegular(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize, FileOptions.SequentialScan);
    }

    private static void Check(string path, FileKind kind)
    {
        switch (kind)
        {
            case FileKind.Regular:
                return;
            case FileKind.Missing:
                throw new InputFileException($"{path}: no such file", "file.missing", path);
            case FileKind.Directory:
                throw new InputFileException($"{path} is a folder, not a file", "file.folder", path);
            default:
                throw new InputFileException($"{path} is {FileKinds.Describe(kind)}, not a regular file; refusing to read it", "file.not-regular", path, kind);
        }
    }

    internal static InputFileException TooLarge(string path, long size, ReadLimit limit) =>
        size >= 0
            ? new(string.Create(CultureInfo.InvariantCulture, $"{path} is {ReadLimit.Format(size)}; a {limit.What} may be at most {ReadLimit.Format(limit.MaxBytes)}"), "file.too-large", path, ReadLimit.Format(size), limit, ReadLimit.Format(limit.MaxBytes))
            : new(string.Create(CultureInfo.InvariantCulture, $"{path} is larger than {ReadLimit.Format(limit.MaxBytes)}, the most a {limit.What} may be"), "file.too-large-stream", path, ReadLimit.Format(limit.MaxBytes), limit);
}
