using System.Collections.Immutable;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Sessions;

/// <summary>Escalation and report: the cause a live probe confirmed first; a rejected candidate is never "the diagnosis".</summary>
public sealed class SessionFindingsTests
{
    private static readonly Lazy<DecisionTree> Shipped = new(() => OobWizard.Core.Content.ContentLoader.Load(RepoContent.Directory).Tree);

    private static DecisionTree Tree => Shipped.Value;

    private static WizardState Walk(params (string From, Trigger Trigger, string To)[] steps) =>
        new(steps[^1].To, steps.Select(s => new Step(s.From, s.Trigger, s.To)).ToImmutableList());

    [Fact]
    public void ACauseAProbeConfirmed_ComesFirst_EvenWhenACandidateCameBefore()
    {
        var tree = Tree;
        var state = Walk(
            ("start", Trigger.Jump("console.power-state-only"), "console.power-state-only"),
            ("console.power-state-only", Trigger.Choose(Node.NotFixedChoice), tree["console.power-state-only"].Unresolved!),
            (tree["console.power-state-only"].Unresolved!, Trigger.Jump("p.con.redirection"), "p.con.redirection"),
            ("p.con.redirection", Trigger.Verdict("disabled"), "console.redirection-disabled"),
            ("console.redirection-disabled", Trigger.Choose(Node.NotFixedChoice), tree["console.redirection-disabled"].Unresolved!));

        var findings = SessionFindings.Diagnoses(tree, state);
        var named = SessionFindings.Diagnosis(findings);

        Assert.Equal("console.redirection-disabled", findings[0].Node);
        Assert.Equal("amt.redirection", findings[0].Probe);
        Assert.Equal("console.redirection-disabled", named!.Node);
        Assert.True(findings.Single(f => f.Node == "console.power-state-only").Rejected);
    }

    [Fact]
    public void WhenEveryCandidateWasRejected_NoneIsCalledTheDiagnosis()
    {
        var tree = Tree;
        var state = Walk(
            ("start", Trigger.Jump("console.power-state-only"), "console.power-state-only"),
            ("console.power-state-only", Trigger.Choose(Node.NotFixedChoice), tree["console.power-state-only"].Unresolved!));
        var rejectedOnly = Walk(
            ("start", Trigger.Jump("console.power-state-only"), "console.power-state-only"),
            ("console.power-state-only", Trigger.Choose(Node.NotFixedChoice), tree["console.power-state-only"].Unresolved!),
            (tree["console.power-state-only"].Unresolved!, Trigger.Jump(Node.EscalateId), Node.EscalateId));

        Assert.Equal(tree["console.power-state-only"].Unresolved, SessionFindings.Diagnosis(SessionFindings.Diagnoses(tree, state))!.Node);
        var findings = SessionFindings.Diagnoses(tree, rejectedOnly);
        Assert.Null(SessionFindings.Diagnosis(findings));
        Assert.Equal(DiagnosisStatus.Left, findings.Single(f => f.Node == tree["console.power-state-only"].Unresolved).Status);
    }

    [Fact]
    public void TheFixThatWorked_IsTheDiagnosis()
    {
        var state = Walk(
            ("start", Trigger.Jump("console.power-state-only"), "console.power-state-only"),
            ("console.power-state-only", Trigger.Choose(Node.FixedChoice), Node.ResolvedId));

        var named = SessionFindings.Diagnosis(SessionFindings.Diagnoses(Tree, state));

        Assert.Equal(DiagnosisStatus.Fixed, named!.Status);
        Assert.Equal("console.power-state-only", named.Node);
    }
}
