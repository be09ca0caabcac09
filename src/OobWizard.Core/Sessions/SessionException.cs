namespace OobWizard.Core.Sessions;

/// <summary>A session file that cannot be used; the message names the file and what is wrong, in one line.</summary>
public sealed class SessionException(string message) : Exception(message);
