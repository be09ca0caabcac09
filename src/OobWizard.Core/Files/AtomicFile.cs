using System.Globalization;
using System.Text;

namespace OobWizard.Core.Files;

/// <summary>
/// The one way OobWizard writes a file (sessions, reports, checklists, certificates it hands out):
/// the bytes go to <c>.NAME.PID.tmp</c> in the target's folder, are flushed to disk, and the temp
/// file is renamed onto NAME in one step, so a reader, a crash, a full disk or a kill -9 sees the old
/// file or the new one, never half of one. A failed write removes its temp file and leaves the target
/// as it was. Temp files left by a process that died in the middle of a save (its PID no longer runs)
/// are removed by the next write of the same file.
/// </summary>
/// <remarks>
/// Refusals (<see cref="FileWriteRefusedException"/>, nothing written): the target exists and
/// <see cref="ExistingFile.Refuse"/> was asked; the target is read-only by its permission bits (no
/// write bit for its owner, for example after <c>chmod 444</c>: honoured even for root, who could
/// write it anyway); the target is a folder, a FIFO, a device or a socket; the target's folder does not exist. A symbolic link is followed,
/// so the file it points at is replaced and the link stays. A replaced file keeps its permission bits.
/// </remarks>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    /// <exception cref="FileWriteRefusedException">refused (see the remarks); nothing was written.</exception>
    /// <exception cref="IOException">the write failed (disk full, read-only file system, ...): the target is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">no permission to write in the folder: the target is unchanged.</exception>
    public static void WriteAllText(string path, string text, ExistingFile existing) =>
        WriteAllBytes(path, Utf8.GetBytes(text), existing);

    /// <inheritdoc cref="WriteAllText"/>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, ExistingFile existing)
    {
        var target = Resolve(Path.GetFullPath(path));
        var dir = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        if (FileKinds.Of(dir).Kind == FileKind.Missing)
        {
            // Said as it is, not as .NET's "Could not find a part of the path '.NAME.PID.tmp'".
            throw new FileWriteRefusedException(target, WriteRefusal.NoFolder, $"the folder {dir} does not exist; nothing was written") { Args = [dir, target] };
        }

        var keepMode = CheckTarget(target, existing);
        RemoveLeftovers(dir, name);
        var tmp = TempPath(dir, name, Environment.ProcessId);
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }

            if (keepMode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(tmp, mode);
            }

            Move(tmp, target, existing);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>
    /// A failed write's reason in one line, without the temp file's name .NET appends
    /// ("No space left on device : '/dir/.s.json.123.tmp'" becomes "No space left on device").
    /// </summary>
    public static string Reason(Exception ex)
    {
        var message = ex.Message.ReplaceLineEndings(" ");
        var at = message.IndexOf(" : '", StringComparison.Ordinal);
        return at > 0 && ex is not FileWriteRefusedException ? message[..at] : message;
    }

    /// <summary>The temp file a write of <paramref name="name"/> by process <paramref name="pid"/> uses: <c>.NAME.PID.tmp</c> in <paramref name="dir"/>.</summary>
    public static string TempPath(string dir, string name, int pid) =>
        Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $".{name}.{pid}.tmp"));

    /// <summary>True when the file's permission bits leave its owner no write access (Windows: the read-only attribute).</summary>
    public static bool IsReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly);
        }

        return (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0;
    }

    /// <summary>The permission bits as chmod spells them (0444).</summary>
    public static string ModeText(string path) =>
        OperatingSystem.IsWindows() ? "read-only" : "mode " + Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0');

    /// <summary>
    /// Removes <c>.NAME.PID.tmp</c> files next to <paramref name="name"/> whose process no longer runs
    /// (or that are this process's own: a write of ours is never in flight while we start another).
    /// </summary>
    public static void RemoveLeftovers(string dir, string name)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = name.IndexOfAny(['*', '?']) < 0
                ? Directory.EnumerateFiles(dir, "." + name + ".*.tmp")
                : Directory.EnumerateFiles(dir, ".*.tmp");
            candidates = candidates.ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // the write itself will say what is wrong with the folder
        }

        var prefix = "." + name + ".";
        foreach (var file in candidates)
        {
            var leaf = Path.GetFileName(file);
            if (!leaf.StartsWith(prefix, StringComparison.Ordinal) || !leaf.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var middle = leaf[prefix.Length..^".tmp".Length];
            if (int.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && (pid == Environment.ProcessId || !ProcessRuns(pid)))
            {
                TryDelete(file);
            }
        }
    }

    private static UnixFileMode? CheckTarget(string target, ExistingFile existing)
    {
        var (kind, _) = FileKinds.Of(target);
        switch (kind)
        {
            case FileKind.Missing:
                return null;
            case FileKind.Regular:
                break;
            default:
                throw new FileWriteRefusedException(target, WriteRefusal.NotRegular, $"{target} is {FileKinds.Describe(kind)}, not a regular file; nothing was written") { Args = [target, kind] };
        }

        if (existing == ExistingFile.Refuse)
        {
            throw new FileWriteRefusedException(target, WriteRefusal.Exists, $"{target} already exists; nothing was written");
        }

        if (IsReadOnly(target))
        {
            throw new FileWriteRefusedException(target, WriteRefusal.ReadOnly, $"{target} is read-only ({ModeText(target)}); it was not replaced") { Args = [target, ModeText(target)] };
        }

        return OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target);
    }

    private static void Move(string tmp, string target, ExistingFile existing)
    {
        if (existing == ExistingFile.Replace)
        {
            File.Move(tmp, target, overwrite: true);
            return;
        }

        try
        {
            // Without overwrite .NET links the new name (link(2)), which fails if the name was taken meanwhile.
            File.Move(tmp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target) || Directory.Exists(target))
        {
            throw new FileWriteRefusedException(target, WriteRefusal.Exists, $"{target} already exists; nothing was written");
        }
    }

    private static string Resolve(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true) is { } final ? Path.GetFullPath(final.FullName) : path;
        }
        catch (IOException)
        {
            return path; // a dangling or looping link: the write reports it
        }
    }

    private static bool ProcessRuns(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}"));
        }

        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
