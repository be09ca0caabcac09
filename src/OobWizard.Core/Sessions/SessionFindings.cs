using OobWizard.Core.Engine;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Sessions;

/// <summary>
/// The diagnoses on a session's path and what became of each, for the escalation screen and the
/// report. The order puts causes a live probe confirmed first, then the rest in path order; a
/// candidate the user rejected is listed as ruled out, never called the diagnosis.
/// </summary>
public static class SessionFindings
{
    public static IReadOnlyList<DiagnosisFinding> Diagnoses(DecisionTree tree, WizardState state)
    {
        var found = new List<DiagnosisFinding>();
        var steps = state.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (tree.Find(step.To)?.Kind != NodeKind.Diagnosis)
            {
                continue;
            }

            var probe = step.Trigger.Kind == TriggerKind.Verdict ? tree.Find(step.From)?.Probe : null;
            var next = i + 1 < steps.Count && steps[i + 1].From == step.To ? steps[i + 1].Trigger : null;
            var status = next is { Kind: TriggerKind.Choice, Value: Node.FixedChoice } ? DiagnosisStatus.Fixed
                : next is { Kind: TriggerKind.Choice, Value: Node.NotFixedChoice } ? DiagnosisStatus.NotFixed
                : i == steps.Count - 1 ? DiagnosisStatus.Open
                : DiagnosisStatus.Left;
            found.RemoveAll(f => f.Node == step.To);
            found.Add(new DiagnosisFinding(step.To, probe, probe is null ? null : step.Trigger.Value, status));
        }

        return [.. found.Where(f => f.ConfirmedByProbe), .. found.Where(f => !f.ConfirmedByProbe)];
    }

    /// <summary>
    /// The diagnosis to name: the one whose fix worked, else the first a live probe confirmed, else
    /// the one the wizard is at now; null when every candidate was ruled out (or none was reached).
    /// </summary>
    public static DiagnosisFinding? Diagnosis(IReadOnlyList<DiagnosisFinding> findings) =>
        findings.FirstOrDefault(f => f.Status == DiagnosisStatus.Fixed)
        ?? findings.FirstOrDefault(f => f.ConfirmedByProbe)
        ?? findings.FirstOrDefault(f => f.Status == DiagnosisStatus.Open);
}
