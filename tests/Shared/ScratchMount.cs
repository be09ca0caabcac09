using System.Diagnostics;

namespace OobWizard.Tests.Shared;

/// <summary>
/// A real, tiny file system for tests of what happens when a disk fills up or turns read-only:
/// a tmpfs of a few KB mounted on a fresh folder (needs root, as CI and the dev machines here run;
/// elsewhere <see cref="TryCreate"/> says why not and the test skips). Unmounted on dispose.
/// </summary>
public sealed class ScratchMount : IDisposable
{
    private ScratchMount(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KB, or returns null and the reason (not Linux, not root, no mount).</summary>
    public static ScratchMount? TryCreate(int kilobytes, out string whyNot)
    {
        whyNot = "";
        if (!OperatingSystem.IsLinux())
        {
            whyNot = "a tmpfs mount needs Linux";
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("oobw-mnt-").FullName;
        var (ok, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0755", "tmpfs", dir);
        if (!ok)
        {
            Directory.Delete(dir);
            whyNot = "cannot mount a tmpfs here (needs root): " + error;
            return null;
        }

        return new ScratchMount(dir);
    }

    /// <summary>Turns the file system read-only, as a failing disk or an admin's remount does.</summary>
    public void MakeReadOnly()
    {
        var (ok, error) = Run("mount", "-o", "remount,ro", Path);
        if (!ok)
        {
            throw new InvalidOperationException("remount read-only failed: " + error);
        }
    }

    /// <summary>Fills every free byte with one file, so the next write fails with "No space left on device".</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var block = new byte[1024];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // full
        }

        try
        {
            // Whatever a smaller write can still take.
            while (true)
            {
                filler.Write(block, 0, 1);
            }
        }
        catch (IOException)
        {
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (bool Ok, string Error) Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            var err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode == 0, err.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, ex.Message);
        }
    }
}
