using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Engine;

/// <summary>
/// The Stateless engine (<see cref="WizardEngine.Fire"/>) and the reference model
/// (<see cref="ReferenceEngine"/>) are driven through the same random walks, over the shipped tree and
/// over generated trees (loops, guards, unknown targets, verdicts on non-probe nodes, a current node
/// missing from the tree), and must give the same transition or the same refusal at every step.
/// Two deliberately broken engines show that the property can fail.
/// </summary>
public sealed class EngineEquivalenceProperties
{
    public delegate Transition Engine(DecisionTree tree, WizardState state, Trigger trigger);

    private static readonly DecisionTree ShippedTree = ContentLoader.Load(RepoContent.Directory).Tree;

    private static readonly string[] ChoiceIds = ["a", "b", "c"];
    private static readonly string[] VerdictNames = ["pass", "closed", "open"];

    /// <summary>A walk: each number picks the next trigger among those that make sense at the state reached.</summary>
    private static Arbitrary<int[]> Walks => Gen.ArrayOf(Gen.Choose(0, 1 << 20)).ToArbitrary();

    /// <summary>The numbers a generated tree is built from (<see cref="TreeFrom"/>); shrinking them shrinks the tree.</summary>
    private static Arbitrary<int[]> TreeGenes => Gen.ArrayOf(Gen.Choose(0, 1000)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property On_the_shipped_tree_the_stateless_engine_moves_and_refuses_as_the_reference_does() =>
        OnTheShippedTree((tree, state, trigger) => WizardEngine.Fire(tree, state, trigger));

    [Property(MaxTest = 500)]
    public Property On_generated_trees_the_stateless_engine_moves_and_refuses_as_the_reference_does() =>
        OnGeneratedTrees((tree, state, trigger) => WizardEngine.Fire(tree, state, trigger));

    [Fact]
    public void An_engine_whose_restart_keeps_the_path_fails_the_property()
    {
        Engine brokenRestart = (tree, state, trigger) => trigger.Kind == TriggerKind.Restart && state.Steps.Count > 0
            ? Transition.To(new WizardState(Node.StartId, state.Steps))
            : WizardEngine.Fire(tree, state, trigger);

        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), OnTheShippedTree(brokenRestart)));
        Assert.Contains("restart: expected move to start (0 steps)", failure.Message);
    }

    [Fact]
    public void An_engine_without_the_bound_on_automatic_moves_fails_the_property()
    {
        Engine unbounded = (tree, state, trigger) =>
        {
            var t = WizardEngine.Fire(tree, state, trigger);
            return !t.Accepted && t.Refusal!.Contains("automatic moves", StringComparison.Ordinal)
                ? Transition.To(new WizardState(tree[state.Current].Verdicts[trigger.Value!], state.Steps.Add(new Step(state.Current, trigger, tree[state.Current].Verdicts[trigger.Value!]))))
                : t;
        };

        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), OnGeneratedTrees(unbounded)));
        Assert.Contains("expected refusal \"16 automatic moves in a row", failure.Message);
    }

    private static Property OnTheShippedTree(Engine subject) =>
        Prop.ForAll(Walks, picks =>
        {
            var mismatch = FirstMismatch(subject, ShippedTree, StartOf(picks.FirstOrDefault()), picks);
            return (mismatch is null).Label(mismatch ?? "");
        });

    private static Property OnGeneratedTrees(Engine subject) =>
        Prop.ForAll(TreeGenes, Walks, (genes, picks) =>
        {
            var tree = TreeFrom(genes);
            var mismatch = FirstMismatch(subject, tree, StartOf(genes.FirstOrDefault()), picks);
            return (mismatch is null).Label(mismatch is null ? "" : mismatch + "\n" + Describe(tree));
        });

    /// <summary>Usually the start; one time in seven a state whose node is gone from the tree (a session from older content).</summary>
    private static WizardState StartOf(int gene) =>
        gene % 7 == 3 ? new WizardState("q.removed", [new Step(Node.StartId, Trigger.Choose("a"), "q.removed")]) : WizardState.Initial;

    /// <summary>Walks both engines from the reference's states; null when they agree at every step, else what differed.</summary>
    public static string? FirstMismatch(Engine subject, DecisionTree tree, WizardState start, IReadOnlyList<int> picks)
    {
        var state = start;
        foreach (var pick in picks)
        {
            // pick % 16 == 15: a probing run, as the front ends do: the current node's verdict again and
            // again, up to 24 moves (this is how loops of probe nodes meet the bound on automatic moves).
            var run = pick % 16 == 15 ? 1 + (pick / 16 % 24) : 1;
            for (var i = 0; i < run; i++)
            {
                var trigger = run > 1 ? Trigger.Verdict(FirstVerdict(tree, state, pick / 16)) : PickTrigger(tree, state, pick);
                var expected = ReferenceEngine.Fire(tree, state, trigger);
                var actual = subject(tree, state, trigger);
                if (expected.Accepted != actual.Accepted || expected.Refusal != actual.Refusal || !expected.State.Equals(actual.State))
                {
                    return $"at {state.Current} after [{string.Join(", ", state.Steps.Select(s => s.Trigger))}], {trigger}: "
                        + $"expected {Show(expected)}, got {Show(actual)}";
                }

                state = expected.State;
            }
        }

        return null;
    }

    private static string FirstVerdict(DecisionTree tree, WizardState state, int which) =>
        tree.Find(state.Current)?.Verdicts.Keys.Order(StringComparer.Ordinal).ElementAtOrDefault(which % 3) ?? "pass";

    private static string Show(Transition t) =>
        t.Accepted ? $"move to {t.State.Current} ({t.State.Steps.Count} steps)" : $"refusal \"{t.Refusal}\"";

    /// <summary>
    /// One trigger for the state: mostly the node's own answers (guarded or not) and verdicts, also back,
    /// restart, jumps (to a node, or to none), answers and verdicts of other nodes, and nonsense (pick % 16 &lt; 15).
    /// </summary>
    private static Trigger PickTrigger(DecisionTree tree, WizardState state, int pick)
    {
        var node = tree.Find(state.Current);
        var which = pick / 16;
        T Of<T>(IReadOnlyList<T> list, T fallback) => list.Count == 0 ? fallback : list[which % list.Count];
        var ids = tree.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
        return (pick % 16) switch
        {
            < 5 => Trigger.Choose(Of(node?.Choices.Select(c => c.Id).ToList() ?? [], "a")),
            < 9 => Trigger.Verdict(Of(node?.Verdicts.Keys.Order(StringComparer.Ordinal).ToList() ?? [], "pass")),
            < 11 => Trigger.Back,
            11 => Trigger.Restart,
            12 => Trigger.Jump(Of(ids, Node.StartId)),
            13 => Trigger.Choose(Of(tree.Nodes.SelectMany(n => n.Choices).Select(c => c.Id).Distinct().Order(StringComparer.Ordinal).ToList(), "a")),
            _ => Of([Trigger.Verdict("inconclusive"), Trigger.Verdict(""), .. VerdictNames.Select(Trigger.Verdict), Trigger.Jump("ghost"), Trigger.Jump(""), Trigger.Choose("ghost"), new Trigger(TriggerKind.Choice), new Trigger(TriggerKind.Verdict)], Trigger.Back),
        };
    }

    /// <summary>
    /// A tree built from numbers: start, end.resolved, end.escalate and 1-8 nodes n0.. of any kind with
    /// 0-3 answers (some guarded, some leading nowhere or to themselves) and, for probes (and now and then
    /// another kind), 0-3 verdicts, which often lead round in loops.
    /// </summary>
    public static DecisionTree TreeFrom(IReadOnlyList<int> genes)
    {
        var at = 0;
        int Next(int n) => genes.Count == 0 ? 0 : genes[at++ % genes.Count] % n;
        var count = 1 + Next(8);
        var inner = Enumerable.Range(0, count).Select(i => "n" + i).ToList();
        List<string> targets = [.. inner, .. inner, Node.ResolvedId, Node.EscalateId, Node.StartId, "ghost"];
        var kinds = new[] { NodeKind.Question, NodeKind.Probe, NodeKind.Probe, NodeKind.Diagnosis, NodeKind.End };

        List<Choice> Choices(int n, IReadOnlyList<string> to) => Enumerable.Range(0, n)
            .Select(i => new Choice(
                ChoiceIds[i],
                to[Next(to.Count)],
                Next(4) == 0 ? [Next(10) == 0 ? "malformed" : $"{inner[Next(count)]}={ChoiceIds[Next(ChoiceIds.Length)]}"] : [],
                SourceLocation.None))
            .ToList();

        Node Make(string id, NodeKind kind, List<Choice> choices, Dictionary<string, string> verdicts) =>
            new(id, kind, choices, kind == NodeKind.Probe ? "probe.x" : null, verdicts, null, [], [], [], SourceLocation.None);

        var nodes = new List<Node>
        {
            Make(Node.StartId, NodeKind.Start, Choices(1 + Next(3), inner), []),
            Make(Node.ResolvedId, NodeKind.End, [], []),
            Make(Node.EscalateId, NodeKind.End, [], []),
        };
        foreach (var id in inner)
        {
            var kind = kinds[Next(kinds.Length)];
            var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
            if (kind == NodeKind.Probe || Next(8) == 0)
            {
                foreach (var v in VerdictNames.Take(Next(4)))
                {
                    verdicts[v] = targets[Next(targets.Count)];
                }
            }

            nodes.Add(Make(id, kind, Choices(Next(4), targets), verdicts));
        }

        return new DecisionTree(nodes);
    }

    private static string Describe(DecisionTree tree) =>
        string.Join("\n", tree.Nodes.Select(n => $"{n.Id} ({n.Kind}): "
            + string.Join(", ", n.Choices.Select(c => $"choice:{c.Id}->{c.Next}{(c.Requires.Count > 0 ? " if " + string.Join("&", c.Requires) : "")}")
                .Concat(n.Verdicts.Select(v => $"verdict:{v.Key}->{v.Value}")))));
}
