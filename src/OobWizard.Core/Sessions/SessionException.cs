using OobWizard.Core.Files;

namespace OobWizard.Core.Sessions;

/// <summary>
/// A session file that cannot be used; the message names the file and what is wrong, in one English line
/// (for logs). <see cref="Key"/> and <see cref="Args"/> let a front end say it in the user's language
/// (message keys <c>session.*</c>, or a refused file's <c>file.*</c>; see <see cref="InputFileException"/>).
/// </summary>
public sealed class SessionException : Exception
{
    public SessionException(string message)
        : base(message)
    {
    }

    public SessionException(string message, string key, params object?[] args)
        : base(message)
    {
        Key = key;
        Args = args;
    }

    /// <summary>The file was refused before it was read: its reason, in its words.</summary>
    public SessionException(InputFileException refused)
        : base((refused ?? throw new ArgumentNullException(nameof(refused))).Message, refused)
    {
        Key = refused.Key;
        Args = refused.Args;
    }

    /// <summary>The message key, null when only the English message is known.</summary>
    public string? Key { get; }

    /// <summary>The values of the key's {0}-style placeholders; the file's name first.</summary>
    public IReadOnlyList<object?> Args { get; } = [];
}
