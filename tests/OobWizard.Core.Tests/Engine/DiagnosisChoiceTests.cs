using OobWizard.Core.Engine;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Engine;

public sealed class DiagnosisChoiceTests
{
    private readonly DecisionTree _tree = Trees.Small();

    [Fact]
    public void A_diagnosis_has_the_synthetic_choices_fixed_and_not_fixed()
    {
        var node = _tree["d.one"];

        Assert.Equal([Node.FixedChoice, Node.NotFixedChoice], node.Choices.Select(c => c.Id));
        Assert.All(node.Choices, c => Assert.True(c.Synthetic));
        Assert.Empty(node.AuthoredChoices);
    }

    [Fact]
    public void Fixed_leads_to_end_resolved()
    {
        var at = new WizardState("d.one", []);

        var tr = WizardEngine.Fire(_tree, at, Trigger.Choose("fixed"));

        Assert.True(tr.Accepted);
        Assert.Equal(Node.ResolvedId, tr.State.Current);
    }

    [Fact]
    public void Not_fixed_leads_to_the_unresolved_node()
    {
        var tr = WizardEngine.Fire(_tree, new WizardState("d.one", []), Trigger.Choose("not-fixed"));

        Assert.True(tr.Accepted);
        Assert.Equal("d.two", tr.State.Current);
    }

    [Fact]
    public void Not_fixed_on_the_last_candidate_leads_to_escalation()
    {
        var tr = WizardEngine.Fire(_tree, new WizardState("d.two", []), Trigger.Choose("not-fixed"));

        Assert.Equal(Node.EscalateId, tr.State.Current);
    }

    [Fact]
    public void A_diagnosis_without_unresolved_falls_back_to_escalation()
    {
        var tree = Trees.Load("""
            - id: d
              kind: diagnosis
            - id: end.escalate
              kind: end
            """);

        Assert.Equal(Node.EscalateId, tree["d"].FindChoice(Node.NotFixedChoice)!.Next);
    }
}
