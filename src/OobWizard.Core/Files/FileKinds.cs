using System.Runtime.InteropServices;

namespace OobWizard.Core.Files;

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket before anything opens it (opening a
/// FIFO blocks until a writer comes; reading <c>/dev/zero</c> never ends). .NET does not expose the
/// file type, so on Linux this asks <c>statx(2)</c>, whose <c>struct statx</c> has the same layout
/// on every architecture (linux/stat.h: <c>stx_mode</c> is a u16 at byte 28, <c>stx_size</c> a u64
/// at byte 40). Elsewhere it falls back to what .NET can tell (missing, folder, else regular), and
/// the size caps of <see cref="InputFile"/> still bound every read.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int Enoent = 2;
    private const int Enotdir = 20;

    private static bool _statxMissing;

    /// <summary>The kind of <paramref name="path"/> (symbolic links followed), and its size in bytes when known (else -1).</summary>
    public static (FileKind Kind, long Size) Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing && TryStatx(path, out var kind, out var size))
        {
            return (kind, size);
        }

        if (Directory.Exists(path))
        {
            return (FileKind.Directory, -1);
        }

        var info = new FileInfo(path);
        return info.Exists ? (FileKind.Regular, info.Length) : (FileKind.Missing, -1);
    }

    /// <summary>How a kind reads in a message ("a FIFO (named pipe)").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    private static bool TryStatx(string path, out FileKind kind, out long size)
    {
        kind = FileKind.Other;
        size = -1;
        var buffer = new byte[StatxBufferSize];
        int rc;
        try
        {
            rc = statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true; // an old C library: fall back for the rest of the run
            return false;
        }

        if (rc != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir)
            {
                kind = FileKind.Missing;
                return true;
            }

            return false; // EACCES and the like: let the caller's open report it in its own words
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        size = BitConverter.ToInt64(buffer, SizeOffset);
        kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return true;
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, [Out] byte[] statxbuf);
}
