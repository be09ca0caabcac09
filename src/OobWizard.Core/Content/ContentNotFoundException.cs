namespace OobWizard.Core.Content;

public sealed class ContentNotFoundException(string message) : Exception(message);
