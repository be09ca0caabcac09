using OobWizard.Core.Engine;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Engine;

/// <summary>
/// Two probe nodes whose verdicts lead to each other (issue 10, item 12): the wizard probed forever.
/// The engine refuses more than <see cref="WizardMachine.MaxAutomaticMoves"/> verdicts in a row.
/// </summary>
public sealed class EngineAutomaticMoveBoundTests
{
    public const string LoopYaml = """
        - id: start
          kind: start
          choices:
            - id: loop
              next: p.a

        - id: p.a
          kind: probe
          probe: amt.reachable
          verdicts:
            pass: p.b
          choices:
            - id: yes
              next: end.resolved

        - id: p.b
          kind: probe
          probe: amt.reachable
          verdicts:
            pass: p.a
          choices:
            - id: yes
              next: end.resolved

        - id: end.resolved
          kind: end

        - id: end.escalate
          kind: end
        """;

    private readonly OobWizard.Core.Tree.DecisionTree _tree = Trees.Load(LoopYaml);

    private WizardState Fire(WizardState state, Trigger trigger)
    {
        var t = WizardEngine.Fire(_tree, state, trigger);
        Assert.True(t.Accepted, $"{trigger} refused at {state.Current}: {t.Refusal}");
        return t.State;
    }

    [Fact]
    public void Verdicts_that_lead_round_in_a_loop_are_refused_after_the_bound_with_a_reason()
    {
        var state = Fire(WizardState.Initial, Trigger.Choose("loop"));
        for (var i = 0; i < WizardMachine.MaxAutomaticMoves; i++)
        {
            state = Fire(state, Trigger.Verdict("pass"));
        }

        var refused = WizardEngine.Fire(_tree, state, Trigger.Verdict("pass"));

        Assert.False(refused.Accepted);
        Assert.Same(state, refused.State);
        Assert.Contains($"{WizardMachine.MaxAutomaticMoves} automatic moves in a row", refused.Refusal);
        Assert.Contains("answered by hand", refused.Refusal);
    }

    [Fact]
    public void The_manual_answer_stays_possible_at_the_bound_and_back_and_restart_too()
    {
        var state = Fire(WizardState.Initial, Trigger.Choose("loop"));
        for (var i = 0; i < WizardMachine.MaxAutomaticMoves; i++)
        {
            state = Fire(state, Trigger.Verdict("pass"));
        }

        Assert.Equal("end.resolved", Fire(state, Trigger.Choose("yes")).Current);
        Assert.True(WizardEngine.Fire(_tree, state, Trigger.Back).Accepted);
        Assert.True(WizardEngine.Fire(_tree, state, Trigger.Restart).Accepted);
    }

    [Fact]
    public void Back_undoes_automatic_moves_so_the_count_goes_down_with_it()
    {
        var state = Fire(WizardState.Initial, Trigger.Choose("loop"));
        for (var i = 0; i < WizardMachine.MaxAutomaticMoves; i++)
        {
            state = Fire(state, Trigger.Verdict("pass"));
        }

        state = Fire(state, Trigger.Back);

        Assert.True(WizardEngine.Fire(_tree, state, Trigger.Verdict("pass")).Accepted);
    }

    [Fact]
    public void The_shipped_tree_never_comes_near_the_bound()
    {
        var content = OobWizard.Core.Content.ContentLoader.Load(RepoContent.Directory);
        var tree = content.Tree;

        // The longest chain of verdict moves (probe node to probe node) in the shipped tree, which has no verdict loops.
        var memo = new Dictionary<string, int>(StringComparer.Ordinal);
        int Longest(string id, HashSet<string> onPath)
        {
            if (memo.TryGetValue(id, out var known))
            {
                return known;
            }

            var node = tree.Find(id);
            if (node is null || node.Kind != OobWizard.Core.Tree.NodeKind.Probe || !onPath.Add(id))
            {
                return 0;
            }

            var best = node.Verdicts.Values.Select(next => 1 + Longest(next, onPath)).DefaultIfEmpty(0).Max();
            onPath.Remove(id);
            return memo[id] = best;
        }

        var longest = tree.Nodes.Max(n => Longest(n.Id, new HashSet<string>(StringComparer.Ordinal)));
        // The longest is the provisioning chain's ten live checks (p.prov.alias .. p.prov.root-key): a
        // healthy device passes them all in a row. A margin of a quarter of the bound stays.
        Assert.InRange(longest, 1, WizardMachine.MaxAutomaticMoves * 3 / 4);
    }
}
