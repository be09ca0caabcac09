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

    /// <summary>A symbolic link at <paramref name="path"/> to <c>/dev/zero</c> (endless zero bytes).</summary>
    public static string LinkToDevZero(string path)
    {
        File.CreateSymbolicLink(path, "/dev/zero");
        return path;
    }
}
