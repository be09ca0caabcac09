namespace OobWizard.Core.Tree;

public sealed record Edge(string From, string To, string Trigger);
