namespace OobWizard.Cli.Json;

/// <summary>A cause a shared message can mean, in <c>logs --json</c>: diagnosis id and title in the chosen language.</summary>
public sealed record LogsCauseDocument(string Id, string Title);
