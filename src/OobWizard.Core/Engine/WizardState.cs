using System.Collections.Immutable;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Engine;

/// <summary>
/// Where the wizard is and how it got there. Immutable: every transition gives a new state.
/// <see cref="Steps"/> is the path actually taken; Back pops its last step.
/// </summary>
public sealed record WizardState(string Current, ImmutableList<Step> Steps)
{
    public static readonly WizardState Initial = new(Node.StartId, []);

    /// <summary>Node ids in the order visited, ending with <see cref="Current"/>.</summary>
    public IReadOnlyList<string> Path =>
        Steps.Count == 0 ? [Current] : [Steps[0].From, .. Steps.Select(s => s.To)];

    /// <summary>The choice taken at a node on the path (the latest, if visited twice), or null.</summary>
    public string? AnswerAt(string nodeId)
    {
        for (var i = Steps.Count - 1; i >= 0; i--)
        {
            if (Steps[i].From == nodeId && Steps[i].Trigger.Kind == TriggerKind.Choice)
            {
                return Steps[i].Trigger.Value;
            }
        }

        return null;
    }

    public bool Equals(WizardState? other) =>
        other is not null && Current == other.Current && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Current, Steps.Count);
}
