namespace OobWizard.Core.Engine;

/// <summary>One move along the path actually taken: from a node, by a trigger, to a node.</summary>
public sealed record Step(string From, Trigger Trigger, string To);
