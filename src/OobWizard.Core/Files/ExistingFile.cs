namespace OobWizard.Core.Files;

/// <summary>What <see cref="AtomicFile"/> does when the target already exists.</summary>
public enum ExistingFile
{
    /// <summary>Leave it alone and throw <see cref="FileWriteRefusedException"/> (the default for every output a user names).</summary>
    Refuse,

    /// <summary>Replace it (only a regular file that is not read-only; its permission bits are kept).</summary>
    Replace,
}
