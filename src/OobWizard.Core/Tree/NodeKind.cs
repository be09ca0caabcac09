namespace OobWizard.Core.Tree;

/// <summary>The kinds of node in the decision tree (and the names the graph export uses).</summary>
public enum NodeKind
{
    Start,
    Question,
    Probe,
    Diagnosis,
    End,
}
