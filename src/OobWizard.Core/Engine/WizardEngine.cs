using OobWizard.Core.Tree;

namespace OobWizard.Core.Engine;

/// <summary>
/// The wizard's moves: a function from (tree, state, trigger) to a transition. No I/O, no clock. The
/// moves themselves are made by the tree's Stateless machine (<see cref="WizardMachine"/>); an unhandled
/// or guarded-off trigger is refused with a reason, never ignored silently.
/// </summary>
public static class WizardEngine
{
    /// <summary>
    /// The transition for a trigger: the new state (the step appended; back pops it, restart clears all),
    /// or the same state with the reason it was refused: an answer the node does not have or whose guard
    /// does not hold, a verdict of a node that is no probe or has no such branch, more than
    /// <see cref="WizardMachine.MaxAutomaticMoves"/> verdicts in a row, a target or current node not in
    /// the tree, back at the start.
    /// </summary>
    public static Transition Fire(DecisionTree tree, WizardState state, Trigger trigger) =>
        WizardMachine.For(tree).Fire(state, trigger);

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
}
