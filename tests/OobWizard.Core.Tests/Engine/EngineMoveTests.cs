using OobWizard.Core.Engine;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Engine;

public sealed class EngineMoveTests
{
    private readonly OobWizard.Core.Tree.DecisionTree _tree = Trees.Small();

    private WizardState Walk(params Trigger[] triggers)
    {
        var state = WizardState.Initial;
        foreach (var t in triggers)
        {
            var tr = WizardEngine.Fire(_tree, state, t);
            Assert.True(tr.Accepted, $"{t} refused at {state.Current}: {tr.Refusal}");
            state = tr.State;
        }

        return state;
    }

    [Fact]
    public void A_choice_moves_to_its_next_node_and_records_the_step()
    {
        var tr = WizardEngine.Fire(_tree, WizardState.Initial, Trigger.Choose("a"));

        Assert.True(tr.Accepted);
        Assert.Null(tr.Refusal);
        Assert.Equal("sym.a", tr.State.Current);
        var step = Assert.Single(tr.State.Steps);
        Assert.Equal(new Step("start", Trigger.Choose("a"), "sym.a"), step);
        Assert.Equal(["start", "sym.a"], tr.State.Path);
    }

    [Fact]
    public void An_unknown_choice_is_refused_and_leaves_the_state_unchanged()
    {
        var state = Walk(Trigger.Choose("a"));

        var tr = WizardEngine.Fire(_tree, state, Trigger.Choose("maybe"));

        Assert.False(tr.Accepted);
        Assert.Contains("maybe", tr.Refusal);
        Assert.Same(state, tr.State);
    }

    [Fact]
    public void A_choice_of_another_node_is_refused()
    {
        var tr = WizardEngine.Fire(_tree, WizardState.Initial, Trigger.Choose("yes"));

        Assert.False(tr.Accepted);
        Assert.Equal(WizardState.Initial, tr.State);
    }

    [Fact]
    public void A_verdict_on_a_probe_node_follows_the_mapped_branch()
    {
        var state = Walk(Trigger.Choose("b"));

        var pass = WizardEngine.Fire(_tree, state, Trigger.Verdict("pass"));
        var closed = WizardEngine.Fire(_tree, state, Trigger.Verdict("closed"));

        Assert.True(pass.Accepted);
        Assert.Equal("shared", pass.State.Current);
        Assert.Equal(new Step("sym.b", Trigger.Verdict("pass"), "shared"), pass.State.Steps[^1]);
        Assert.True(closed.Accepted);
        Assert.Equal("d.two", closed.State.Current);
    }

    [Fact]
    public void The_manual_question_of_a_probe_node_is_answered_by_choice()
    {
        var state = Walk(Trigger.Choose("b"), Trigger.Choose("no-answer"));

        Assert.Equal("d.two", state.Current);
    }

    [Theory]
    [InlineData("inconclusive")]
    [InlineData("error")]
    [InlineData("wireless")]
    public void A_verdict_the_probe_node_does_not_map_is_refused(string verdict)
    {
        var state = Walk(Trigger.Choose("b"));

        var tr = WizardEngine.Fire(_tree, state, Trigger.Verdict(verdict));

        Assert.False(tr.Accepted);
        Assert.Contains(verdict, tr.Refusal);
        Assert.Same(state, tr.State);
    }

    [Fact]
    public void A_verdict_on_a_node_that_is_not_a_probe_is_refused()
    {
        var state = Walk(Trigger.Choose("a"));

        var tr = WizardEngine.Fire(_tree, state, Trigger.Verdict("pass"));

        Assert.False(tr.Accepted);
        Assert.Contains("not a probe", tr.Refusal);
        Assert.Same(state, tr.State);
    }

    [Fact]
    public void A_jump_moves_to_any_known_node_and_is_recorded_as_a_step()
    {
        var state = Walk(Trigger.Choose("a"));

        var tr = WizardEngine.Fire(_tree, state, Trigger.Jump("d.two"));

        Assert.True(tr.Accepted);
        Assert.Equal("d.two", tr.State.Current);
        Assert.Equal(new Step("sym.a", Trigger.Jump("d.two"), "d.two"), tr.State.Steps[^1]);
    }

    [Fact]
    public void A_jump_to_an_unknown_node_is_refused()
    {
        var state = Walk(Trigger.Choose("a"));

        var tr = WizardEngine.Fire(_tree, state, Trigger.Jump("nowhere"));

        Assert.False(tr.Accepted);
        Assert.Contains("nowhere", tr.Refusal);
        Assert.Same(state, tr.State);
    }

    [Fact]
    public void A_choice_leading_to_a_node_missing_from_the_tree_is_refused()
    {
        var tree = Trees.Load("""
            - id: start
              kind: start
              choices:
                - id: x
                  next: sym.missing
            """);

        var tr = WizardEngine.Fire(tree, WizardState.Initial, Trigger.Choose("x"));

        Assert.False(tr.Accepted);
        Assert.Equal(WizardState.Initial, tr.State);
    }

    [Fact]
    public void Firing_does_not_change_the_state_it_was_given()
    {
        var state = Walk(Trigger.Choose("a"));
        var copy = new WizardState(state.Current, [.. state.Steps]);

        WizardEngine.Fire(_tree, state, Trigger.Choose("yes"));
        WizardEngine.Fire(_tree, state, Trigger.Back);
        WizardEngine.Fire(_tree, state, Trigger.Restart);

        Assert.Equal(copy, state);
    }
}
