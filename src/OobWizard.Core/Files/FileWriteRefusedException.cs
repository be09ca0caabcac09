namespace OobWizard.Core.Files;

/// <summary>
/// <see cref="AtomicFile"/> refused to touch an existing file; nothing was written. The message is one
/// English line naming the file (for logs); <see cref="Reason"/> lets a command add its own hint (for
/// example <c>--force</c>) and, with <see cref="Args"/>, say it in the user's language.
/// </summary>
public sealed class FileWriteRefusedException(string path, WriteRefusal reason, string message) : IOException(message)
{
    public string Path { get; } = path;

    public WriteRefusal Reason { get; } = reason;

    /// <summary>
    /// The values of the refusal's message (<c>file.refused.exists</c>: the path; <c>file.refused.not-regular</c>:
    /// the path and its <see cref="FileKind"/>; <c>file.refused.read-only</c>: the path and its mode, e.g. <c>r--r--r--</c>;
    /// <c>file.refused.no-folder</c>: the missing folder and the path).
    /// </summary>
    public IReadOnlyList<object?> Args { get; init; } = [path];
}
