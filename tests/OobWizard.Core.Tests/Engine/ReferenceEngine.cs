using OobWizard.Core.Engine;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Engine;

/// <summary>
/// The reference model for the Stateless engine: the hand-written engine the project used before
/// (a pure function of tree, state and trigger), kept verbatim except for the one rule added with it,
/// the bound on automatic moves in a row. <see cref="EngineEquivalenceProperties"/> drives both through
/// random walks and demands identical transitions and refusals.
/// </summary>
public static class ReferenceEngine
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

                if (!node.Verdicts.TryGetValue(trigger.Value ?? "", out var next))
                {
                    return Transition.Refused(state, $"{node.Id} has no branch for verdict '{trigger.Value}'");
                }

                // The rule added with the Stateless engine (issue 10, item 12).
                if (AutomaticMovesInARow(state) >= WizardMachine.MaxAutomaticMoves)
                {
                    return Transition.Refused(state, $"{WizardMachine.MaxAutomaticMoves} automatic moves in a row (probe verdicts with no answer in between, a loop in the content?): {node.Id} is answered by hand");
                }

                return Move(tree, state, trigger, next);

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

    public static IReadOnlyList<Choice> AvailableChoices(DecisionTree tree, WizardState state)
    {
        var node = tree.Find(state.Current);
        if (node is null)
        {
            return [];
        }

        return node.Choices.Where(c => GuardHolds(c, state)).ToList();
    }

    private static bool GuardHolds(Choice choice, WizardState state) =>
        choice.Requires.All(r =>
        {
            var eq = r.IndexOf('=');
            return eq > 0 && state.AnswerAt(r[..eq]) == r[(eq + 1)..];
        });

    private static int AutomaticMovesInARow(WizardState state) =>
        state.Steps.Reverse().TakeWhile(s => s.Trigger.Kind == TriggerKind.Verdict).Count();

    private static Transition Move(DecisionTree tree, WizardState state, Trigger trigger, string next)
    {
        if (!tree.Contains(next))
        {
            return Transition.Refused(state, $"{state.Current} leads to '{next}', which is not in the tree");
        }

        return Transition.To(new WizardState(next, state.Steps.Add(new Step(state.Current, trigger, next))));
    }
}
