using OobWizard.Core.Tree;

namespace OobWizard.Core.Engine;

/// <summary>
/// The state machine: a pure function from (tree, state, trigger) to a transition. No I/O, no clock.
/// An unhandled trigger is refused with a reason, never ignored silently.
/// </summary>
public static class WizardEngine
{
    public static Transition Fire(DecisionTree tree, WizardState state, Trigger trigger)
    {
        var node = tree.Find(state.Current);
        if (node is null && trigger.Kind is not (TriggerKind.Restart or TriggerKind.Back))
        {
            return Transition.Refused(state, $"the current node '{state.Current}' is not in the tree");
        }

        switch (trigger.Kind)
        {
            case TriggerKind.Choice:
            {
                var choice = AvailableChoices(tree, state).FirstOrDefault(c => c.Id == trigger.Value);
                if (choice is null)
                {
                    return Transition.Refused(state, $"'{trigger.Value}' is not an answer of {node!.Id}");
                }

                return Move(tree, state, trigger, choice.Next);
            }

            case TriggerKind.Verdict:
                if (node!.Kind != NodeKind.Probe)
                {
                    return Transition.Refused(state, $"{node.Id} is not a probe node");
                }

                return node.Verdicts.TryGetValue(trigger.Value ?? "", out var next)
                    ? Move(tree, state, trigger, next)
                    : Transition.Refused(state, $"{node.Id} has no branch for verdict '{trigger.Value}'");

            case TriggerKind.Back:
                return state.Steps.Count == 0
                    ? Transition.Refused(state, "already at the start")
                    : Transition.To(new WizardState(state.Steps[^1].From, state.Steps.RemoveAt(state.Steps.Count - 1)));

            case TriggerKind.Restart:
                return Transition.To(WizardState.Initial);

            case TriggerKind.Jump:
                return tree.Contains(trigger.Value ?? "")
                    ? Move(tree, state, trigger, trigger.Value!)
                    : Transition.Refused(state, $"no node '{trigger.Value}' to jump to");

            default:
                return Transition.Refused(state, $"unknown trigger {trigger}");
        }
    }

    /// <summary>The node's choices whose guards hold on the path taken so far.</summary>
    public static IReadOnlyList<Choice> AvailableChoices(DecisionTree tree, WizardState state)
    {
        var node = tree.Find(state.Current);
        if (node is null)
        {
            return [];
        }

        return node.Choices.Where(c => GuardHolds(c, state)).ToList();
    }

    /// <summary>A guard "node=choice" holds when that answer was given on the path taken.</summary>
    public static bool GuardHolds(Choice choice, WizardState state) =>
        choice.Requires.All(r =>
        {
            var eq = r.IndexOf('=');
            return eq > 0 && state.AnswerAt(r[..eq]) == r[(eq + 1)..];
        });

    private static Transition Move(DecisionTree tree, WizardState state, Trigger trigger, string next)
    {
        if (!tree.Contains(next))
        {
            return Transition.Refused(state, $"{state.Current} leads to '{next}', which is not in the tree");
        }

        return Transition.To(new WizardState(next, state.Steps.Add(new Step(state.Current, trigger, next))));
    }
}
