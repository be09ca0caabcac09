using OobWizard.Core.Sessions;

namespace OobWizard.Cli;

/// <summary>A session loaded from a file, with the file it came from.</summary>
public sealed record SavedSession(string Path, Session Session);
