using OobWizard.Core.Engine;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Engine;

public sealed class EngineGuardTests
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

    private IEnumerable<string> Available(WizardState state) =>
        WizardEngine.AvailableChoices(_tree, state).Select(c => c.Id);

    [Fact]
    public void A_guarded_choice_is_available_when_its_answer_is_on_the_path()
    {
        var state = Walk(WizardState.Initial, Trigger.Choose("a"), Trigger.Choose("yes"));

        Assert.Equal(["go", "special"], Available(state));
        Assert.Equal("d.two", Walk(state, Trigger.Choose("special")).Current);
    }

    [Fact]
    public void A_guarded_choice_is_unavailable_and_refused_when_the_answer_is_not_on_the_path()
    {
        var state = Walk(WizardState.Initial, Trigger.Choose("b"), Trigger.Verdict("pass"));

        Assert.Equal(["go"], Available(state));
        var tr = WizardEngine.Fire(_tree, state, Trigger.Choose("special"));
        Assert.False(tr.Accepted);
        Assert.Same(state, tr.State);
    }

    [Fact]
    public void A_guarded_choice_is_unavailable_when_the_answer_was_reached_by_jump_not_given()
    {
        var state = Walk(WizardState.Initial, Trigger.Jump("shared"));

        Assert.DoesNotContain("special", Available(state));
    }

    [Fact]
    public void A_guarded_choice_becomes_unavailable_again_after_back_undoes_the_answer()
    {
        var state = Walk(WizardState.Initial, Trigger.Choose("a"), Trigger.Choose("yes"));
        Assert.Contains("special", Available(state));

        // Back to sym.a (undoing "yes"), then reach "shared" another way: the guard no longer holds.
        state = Walk(state, Trigger.Back, Trigger.Back, Trigger.Choose("b"), Trigger.Choose("answers"));

        Assert.Equal("shared", state.Current);
        Assert.DoesNotContain("special", Available(state));
        Assert.False(WizardEngine.Fire(_tree, state, Trigger.Choose("special")).Accepted);
    }

    [Fact]
    public void A_guard_holds_only_for_the_answer_it_names()
    {
        var tree = Trees.Load("""
            - id: start
              kind: start
              choices:
                - id: a
                  next: q
            - id: q
              kind: question
              choices:
                - id: yes
                  next: r
                - id: no
                  next: r
            - id: r
              kind: question
              choices:
                - id: only-if-yes
                  next: end.resolved
                  requires: [q=yes]
                - id: always
                  next: end.resolved
            - id: end.resolved
              kind: end
            """);
        var state = WizardEngine.Fire(tree, WizardState.Initial, Trigger.Choose("a")).State;
        state = WizardEngine.Fire(tree, state, Trigger.Choose("no")).State;

        Assert.Equal(["always"], WizardEngine.AvailableChoices(tree, state).Select(c => c.Id));
    }
}
