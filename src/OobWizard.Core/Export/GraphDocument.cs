using OobWizard.Core.Tree;

namespace OobWizard.Core.Export;

/// <summary>The shape of <c>graph --format json</c>: nodes in id order, then every edge (trigger in graph spelling).</summary>
public sealed record GraphDocument(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<Edge> Edges);
