using System.Diagnostics;

namespace OobWizard.Tests.Shared;

/// <summary>Makes the special files hostile input points at: a FIFO (mkfifo) and links to devices.</summary>
public static class SpecialFiles
{
    /// <summary>Creates a FIFO at <paramref name="path"/> (Linux/macOS; mkfifo from coreutils).</summary>
    public static string Fifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("mkfifo failed for " + path);
        }

        return path;
    }

    /// <summary>A sparse regular file of <paramref name="bytes"/> bytes (no disk space used; reading it gives zeros).</summary>
    public static string Sparse(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.SetLength(bytes);
        return path;
    }

    /// <summary>
    /// The hostile inputs every file a user names must be refused for, in one line, before anything blocks or
    /// fills memory: <c>device</c> (/dev/zero), <c>device-link</c> (a link to it named <paramref name="name"/>, so the
    /// name's extension counts), <c>fifo</c>, <c>folder</c>, and <c>oversized</c> (a sparse file one byte over
    /// <paramref name="maxBytes"/>).
    /// Returns the path and a word the refusal must contain.
    /// </summary>
    public static (string Path, string Expected) Hostile(string kind, string dir, string name, long maxBytes) => kind switch
    {
        "device" => ("/dev/zero", "character device"),
        "device-link" => (LinkToDevZero(Path.Combine(dir, name)), "character device"),
        "fifo" => (Fifo(Path.Combine(dir, name)), "FIFO"),
        "folder" => (Directory.CreateDirectory(Path.Combine(dir, name)).FullName, "folder"),
        "oversized" => (Sparse(Path.Combine(dir, name), maxBytes + 1), "at most"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "device, fifo, folder or oversized"),
    };

    /// <summary>The kinds <see cref="Hostile"/> makes (besides <c>device-link</c>).</summary>
    public static readonly string[] HostileKinds = ["device", "fifo", "folder", "oversized"];

    /// <summary>
    /// Runs <paramref name="action"/> and says whether it finished within a generous bound; if it is still blocked on
    /// a FIFO at <paramref name="path"/>, a writer opens and closes it so the blocked read ends (and the test fails, not hangs).
    /// </summary>
    public static bool FinishesWithout(string path, Action action)
    {
        var task = Task.Run(action);
        if (task.Wait(TimeSpan.FromMinutes(2)))
        {
            return true;
        }

        if (File.Exists(path) && !path.StartsWith("/dev/", StringComparison.Ordinal))
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Write))
            {
            }
        }

        return false;
    }

    /// <summary>A symbolic link at <paramref name="path"/> to <c>/dev/zero</c> (endless zero bytes).</summary>
    public static string LinkToDevZero(string path)
    {
        File.CreateSymbolicLink(path, "/dev/zero");
        return path;
    }
}
