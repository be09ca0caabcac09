namespace OobWizard.Core.Content;

public enum IssueSeverity
{
    Warning,
    Error,
}
