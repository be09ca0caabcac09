namespace OobWizard.Core.Files;

/// <summary>
/// <see cref="AtomicFile"/> refused to touch an existing file; nothing was written. The message is one
/// line naming the file; <see cref="Reason"/> lets a command add its own hint (for example <c>--force</c>).
/// </summary>
public sealed class FileWriteRefusedException(string path, WriteRefusal reason, string message) : IOException(message)
{
    public string Path { get; } = path;

    public WriteRefusal Reason { get; } = reason;
}
