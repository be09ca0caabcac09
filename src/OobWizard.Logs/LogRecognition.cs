namespace OobWizard.Logs;

/// <summary>
/// Which known log an input was read as and why: <see cref="By"/> is <c>component</c> (its lines name the
/// log's component, <see cref="Evidence"/> the component seen) or <c>name</c> (only its file name hints at it).
/// </summary>
public sealed record LogRecognition(string Log, string By, string Evidence)
{
    public const string ByComponent = "component";
    public const string ByFileName = "name";
}
