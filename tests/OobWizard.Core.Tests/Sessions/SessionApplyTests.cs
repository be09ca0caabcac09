using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

public sealed class SessionApplyTests
{
    private readonly FixedClock _clock = new();
    private readonly OobWizard.Core.Tree.DecisionTree _tree = Trees.Small();

    private Transition Fire(Session s, Trigger t)
    {
        _clock.Advance(TimeSpan.FromSeconds(10));
        var tr = WizardEngine.Fire(_tree, s.State, t);
        s.Apply(tr, t, _clock);
        return tr;
    }

    [Fact]
    public void A_new_session_starts_at_the_start_with_the_clocks_time()
    {
        var s = Session.New(_clock, "en", "pc1", offline: false);

        Assert.Equal(WizardState.Initial, s.State);
        Assert.Equal(FixedClock.Epoch, s.Created);
        Assert.Equal(FixedClock.Epoch, s.Updated);
        Assert.Equal([new HistoryEntry(FixedClock.Epoch, "start")], s.History);
        Assert.Equal(12, s.Id.Length);
    }

    [Fact]
    public void An_accepted_transition_moves_the_session_and_is_written_to_the_history()
    {
        var s = Session.New(_clock, "en", null, offline: false);

        Fire(s, Trigger.Choose("a"));

        Assert.Equal("sym.a", s.State.Current);
        Assert.Equal(_clock.Now, s.Updated);
        Assert.Equal(new HistoryEntry(_clock.Now, "choice:a -> sym.a"), s.History[^1]);
        Assert.Equal([_clock.Now], s.StepTimes);
    }

    [Fact]
    public void A_refused_transition_changes_nothing()
    {
        var s = Session.New(_clock, "en", null, offline: false);

        var tr = Fire(s, Trigger.Back);

        Assert.False(tr.Accepted);
        Assert.Equal(WizardState.Initial, s.State);
        Assert.Equal(FixedClock.Epoch, s.Updated);
        Assert.Single(s.History);
    }

    [Fact]
    public void Restart_clears_the_step_times_but_keeps_the_history()
    {
        var s = Session.New(_clock, "en", null, offline: false);
        Fire(s, Trigger.Choose("a"));
        Fire(s, Trigger.Choose("yes"));

        Fire(s, Trigger.Restart);

        Assert.Empty(s.StepTimes);
        Assert.Equal(["start", "choice:a -> sym.a", "choice:yes -> shared", "restart -> start"], s.History.Select(h => h.Event));
    }
}
