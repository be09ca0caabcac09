namespace OobWizard.Core.Files;

/// <summary>
/// An input file that was refused before or while reading it. <see cref="Exception.Message"/> is one English
/// line naming the file (for logs); <see cref="Key"/> and <see cref="Args"/> let a front end say the same in the
/// user's language (message keys <c>file.*</c>; an argument may be a <see cref="FileKind"/> or a
/// <see cref="ReadLimit"/>, which the front end names in that language too).
/// </summary>
public sealed class InputFileException : IOException
{
    public InputFileException(string message)
        : base(message)
    {
    }

    public InputFileException(string message, string key, params object?[] args)
        : base(message)
    {
        Key = key;
        Args = args;
    }

    /// <summary>The message key (<c>file.missing</c>, <c>file.folder</c>, <c>file.not-regular</c>, <c>file.too-large</c>, <c>file.too-large-stream</c>), null when only the English message is known.</summary>
    public string? Key { get; }

    /// <summary>The values of the key's {0}-style placeholders; the file's name first.</summary>
    public IReadOnlyList<object?> Args { get; } = [];
}
