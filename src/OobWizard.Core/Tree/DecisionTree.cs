namespace OobWizard.Core.Tree;

/// <summary>The whole tree: nodes by id. Immutable once loaded.</summary>
public sealed class DecisionTree
{
    private readonly Dictionary<string, Node> _nodes;

    public DecisionTree(IEnumerable<Node> nodes)
    {
        _nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            _nodes.TryAdd(n.Id, n);
        }
    }

    public IReadOnlyCollection<Node> Nodes => _nodes.Values;

    public Node this[string id] => _nodes.TryGetValue(id, out var n) ? n : throw new KeyNotFoundException($"no node '{id}' in the tree");

    public bool Contains(string id) => _nodes.ContainsKey(id);

    public Node? Find(string id) => _nodes.GetValueOrDefault(id);

    public Node Start => this[Node.StartId];

    /// <summary>Every edge of the tree as (from, to, trigger) with trigger <c>choice:id</c> or <c>verdict:v</c>.</summary>
    public IEnumerable<Edge> Edges()
    {
        foreach (var n in _nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            foreach (var (verdict, next) in n.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                yield return new Edge(n.Id, next, "verdict:" + verdict);
            }

            foreach (var c in n.Choices)
            {
                yield return new Edge(n.Id, c.Next, "choice:" + c.Id);
            }
        }
    }

    /// <summary>The symptoms: the start node's choices.</summary>
    public IReadOnlyList<Choice> Symptoms => Find(Node.StartId)?.Choices ?? [];
}
