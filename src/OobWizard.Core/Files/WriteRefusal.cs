namespace OobWizard.Core.Files;

/// <summary>Why <see cref="AtomicFile"/> left a target alone.</summary>
public enum WriteRefusal
{
    /// <summary>The file exists and the caller did not ask to replace it.</summary>
    Exists,

    /// <summary>The file's permission bits say nobody may write it (for example after <c>chmod 444</c>).</summary>
    ReadOnly,

    /// <summary>The path is a folder, a FIFO, a device or a socket.</summary>
    NotRegular,

    /// <summary>The folder the file would go in does not exist (nothing is created: a mistyped folder is said, not made).</summary>
    NoFolder,
}
