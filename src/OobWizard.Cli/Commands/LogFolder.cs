using OobWizard.Core.Files;
using OobWizard.Logs;

namespace OobWizard.Cli.Commands;

/// <summary>
/// The logs inside a folder, for <c>oobwizard logs DIR</c>: files whose name hints at a known log
/// (<c>Amtopmgr.log</c>, <c>amtopmgr.lo_</c>, <c>PC01_Oobconsole (1).log</c>) and other <c>.log</c>,
/// <c>.lo_</c> and <c>.txt</c> files whose first lines name a known log's component. Sub-folders are
/// read down to <see cref="DefaultDepth"/> levels (symbolic links to folders are not followed);
/// what cannot be read or lies deeper is reported, never fatal.
/// </summary>
internal static class LogFolder
{
    public const int DefaultDepth = 4;

    private static readonly string[] Extensions = [".log", ".lo_", ".txt"];

    /// <summary>Adds the folder's logs to <paramref name="files"/> (sorted), and what it left out and why to <paramref name="notes"/>.</summary>
    public static void Expand(string folder, int maxDepth, List<string> files, List<LogInputNote> notes)
    {
        var found = new List<string>();
        Walk(folder, 0, maxDepth, found, notes);
        files.AddRange(found.Order(StringComparer.Ordinal));
    }

    private static void Walk(string folder, int depth, int maxDepth, List<string> found, List<LogInputNote> notes)
    {
        string[] entries;
        string[] folders;
        try
        {
            entries = Directory.GetFiles(folder);
            folders = Directory.GetDirectories(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            notes.Add(new LogInputNote(folder, LogInputNote.Unreadable, OneLine(ex.Message)));
            return;
        }

        var skipped = 0;
        foreach (var file in entries.Order(StringComparer.Ordinal))
        {
            switch (FileKinds.Of(file).Kind)
            {
                case FileKind.Regular:
                    break;
                case FileKind.Missing:
                    notes.Add(new LogInputNote(file, LogInputNote.Unreadable, Messages.Current.Format("logs.folder.vanished")));
                    continue;
                case var kind:
                    // A FIFO would block, a device never end: named, never opened.
                    notes.Add(new LogInputNote(file, LogInputNote.Skipped, Messages.Current.Format("logs.folder.special", Kind(kind))));
                    continue;
            }

            if (KnownLogs.ByFileName(file) is not null)
            {
                found.Add(file);
                continue;
            }

            if (!Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
            {
                skipped++;
                continue;
            }

            try
            {
                using var stream = InputFile.OpenRead(file);
                if (LogFile.RecognizeHead(stream, file) is not null)
                {
                    found.Add(file);
                }
                else
                {
                    skipped++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InputFileException)
            {
                notes.Add(new LogInputNote(file, LogInputNote.Unreadable, OneLine(ex.Message)));
            }
        }

        if (skipped > 0)
        {
            notes.Add(new LogInputNote(folder, LogInputNote.Skipped, Messages.Current.Count("logs.folder.not-logs", skipped)));
        }

        foreach (var sub in folders.Order(StringComparer.Ordinal))
        {
            if (new DirectoryInfo(sub).LinkTarget is not null)
            {
                notes.Add(new LogInputNote(sub, LogInputNote.Skipped, Messages.Current.Format("logs.folder.link")));
                continue;
            }

            if (depth >= maxDepth)
            {
                notes.Add(new LogInputNote(sub, LogInputNote.Skipped, Messages.Current.Format("logs.folder.too-deep", maxDepth)));
                continue;
            }

            Walk(sub, depth + 1, maxDepth, found, notes);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    /// <summary>"a FIFO (named pipe)", "a socket", ... in the run's language (<see cref="FileKinds.Describe"/> is the English source).</summary>
    public static string Kind(FileKind kind) => Messages.Current.Format(kind switch
    {
        FileKind.Fifo => "logs.kind.fifo",
        FileKind.CharacterDevice => "logs.kind.character-device",
        FileKind.BlockDevice => "logs.kind.block-device",
        FileKind.Socket => "logs.kind.socket",
        FileKind.Directory => "logs.kind.directory",
        _ => "logs.kind.other",
    });
}
