using OobWizard.Core.Engine;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Engine;

public sealed class EngineBackAndRestartTests
{
    private readonly DecisionTree _tree = Trees.Small();

    private WizardState Walk(WizardState state, params Trigger[] triggers)
    {
        foreach (var t in triggers)
        {
            var tr = WizardEngine.Fire(_tree, state, t);
            Assert.True(tr.Accepted, $"{t} refused at {state.Current}: {tr.Refusal}");
            state = tr.State;
        }

        return state;
    }

    private WizardState Walk(params Trigger[] triggers) => Walk(WizardState.Initial, triggers);

    [Fact]
    public void Back_returns_to_the_node_the_last_step_left_and_drops_that_step()
    {
        var before = Walk(Trigger.Choose("a"));
        var after = Walk(before, Trigger.Choose("yes"));

        var back = WizardEngine.Fire(_tree, after, Trigger.Back);

        Assert.True(back.Accepted);
        Assert.Equal(before, back.State);
    }

    [Fact]
    public void Back_after_a_jump_returns_to_where_the_jump_started()
    {
        var state = Walk(Trigger.Choose("a"), Trigger.Jump("d.two"));

        var back = Walk(state, Trigger.Back);

        Assert.Equal("sym.a", back.Current);
        Assert.Equal(["start", "sym.a"], back.Path);
    }

    [Fact]
    public void Back_from_a_node_shared_by_two_branches_follows_the_branch_actually_taken()
    {
        var viaQuestion = Walk(Trigger.Choose("a"), Trigger.Choose("yes"));
        var viaProbe = Walk(Trigger.Choose("b"), Trigger.Verdict("pass"));
        Assert.Equal("shared", viaQuestion.Current);
        Assert.Equal("shared", viaProbe.Current);

        Assert.Equal("sym.a", Walk(viaQuestion, Trigger.Back).Current);
        Assert.Equal("sym.b", Walk(viaProbe, Trigger.Back).Current);
    }

    [Fact]
    public void Back_repeated_unwinds_the_whole_path_in_reverse()
    {
        var state = Walk(Trigger.Choose("b"), Trigger.Choose("answers"), Trigger.Choose("go"));
        Assert.Equal(["start", "sym.b", "shared", "d.one"], state.Path);

        var visited = new List<string>();
        while (state.Steps.Count > 0)
        {
            state = Walk(state, Trigger.Back);
            visited.Add(state.Current);
        }

        Assert.Equal(["shared", "sym.b", "start"], visited);
        Assert.Equal(WizardState.Initial, state);
    }

    [Fact]
    public void Back_at_the_start_is_refused()
    {
        var tr = WizardEngine.Fire(_tree, WizardState.Initial, Trigger.Back);

        Assert.False(tr.Accepted);
        Assert.NotNull(tr.Refusal);
        Assert.Equal(WizardState.Initial, tr.State);
    }

    [Fact]
    public void Restart_returns_to_the_start_with_no_steps()
    {
        var state = Walk(Trigger.Choose("a"), Trigger.Choose("yes"), Trigger.Choose("special"));

        var tr = WizardEngine.Fire(_tree, state, Trigger.Restart);

        Assert.True(tr.Accepted);
        Assert.Equal(Node.StartId, tr.State.Current);
        Assert.Empty(tr.State.Steps);
        Assert.Equal(["start"], tr.State.Path);
    }
}
