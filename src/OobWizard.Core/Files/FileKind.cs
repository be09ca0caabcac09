namespace OobWizard.Core.Files;

/// <summary>What a path names, as <c>stat(2)</c> sees it after following symbolic links.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
