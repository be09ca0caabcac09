namespace OobWizard.Core.Files;

/// <summary>An input file that was refused before or while reading it; the message is one line naming the file.</summary>
public sealed class InputFileException(string message) : IOException(message);
