namespace OobWizard.Cli.Tui;

/// <summary>What the window needs from outside: the clipboard and the folder files are suggested in.</summary>
public sealed class TuiOptions
{
    public required ITextClipboard Clipboard { get; init; }

    /// <summary>Where "write the commands to a file" suggests a file (the working directory).</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>Who else has the session open (its lock), or null when this window holds it: asked about first.</summary>
    public Core.Sessions.SessionLockHolder? HeldBy { get; init; }
}
