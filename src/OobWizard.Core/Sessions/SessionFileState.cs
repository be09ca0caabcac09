namespace OobWizard.Core.Sessions;

public enum SessionFileState
{
    Missing,
    Session,
    Foreign,
}
