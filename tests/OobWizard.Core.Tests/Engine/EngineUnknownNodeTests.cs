using OobWizard.Core.Engine;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Engine;

/// <summary>A state whose node is gone from the tree (a session saved with older content).</summary>
public sealed class EngineUnknownNodeTests
{
    private readonly OobWizard.Core.Tree.DecisionTree _tree = Trees.Small();

    private readonly WizardState _lost = new("q.removed", [new Step("start", Trigger.Choose("a"), "q.removed")]);

    [Fact]
    public void Answers_and_verdicts_are_refused_when_the_current_node_is_not_in_the_tree()
    {
        Assert.False(WizardEngine.Fire(_tree, _lost, Trigger.Choose("yes")).Accepted);
        Assert.False(WizardEngine.Fire(_tree, _lost, Trigger.Verdict("pass")).Accepted);
        Assert.Empty(WizardEngine.AvailableChoices(_tree, _lost));
    }

    [Fact]
    public void Back_and_restart_still_work_when_the_current_node_is_not_in_the_tree()
    {
        Assert.Equal(WizardState.Initial, WizardEngine.Fire(_tree, _lost, Trigger.Back).State);
        Assert.Equal(WizardState.Initial, WizardEngine.Fire(_tree, _lost, Trigger.Restart).State);
    }
}
