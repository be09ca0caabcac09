namespace OobWizard.Cli;

/// <summary>
/// Writes a file a user named on the command line (`lab serve --write-targets`): whole or not at all (a temp file in
/// the same folder, flushed, then renamed over the name in one step), and never over an existing file without
/// <c>--force</c>. Stand-in for the project's atomic file writer (OobWizard.Core's AtomicFile with its
/// CliHost.WriteOutput) until that lands on main: callers then switch to it one line each.
/// </summary>
public static class OutputFile
{
    /// <summary>0 when written; otherwise the exit code after one line on standard error naming <paramref name="option"/> and the file.</summary>
    public static int Write(CliHost host, string path, string option, string text, bool force)
    {
        ArgumentNullException.ThrowIfNull(host);
        var full = Path.GetFullPath(path);
        if (Exists(full) && !force)
        {
            return host.Fail($"{option} {full} already exists; pass --force to replace it");
        }

        if (Directory.Exists(full))
        {
            return host.Fail($"{option} {full} is a folder; name a file");
        }

        var dir = Path.GetDirectoryName(full)!;
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, full, overwrite: force);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(tmp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the target is as it was.
            }

            return host.Fail($"{option} {full}: cannot write it: {ex.Message}", 1);
        }
    }

    /// <summary>Whether something (a file, a folder, a dangling link) already has this name.</summary>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
