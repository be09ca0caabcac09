using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using OobWizard.Core.Tree;
using Stateless;
using Stateless.Reflection;

namespace OobWizard.Core.Engine;

/// <summary>
/// The wizard's state machine: a Stateless <c>StateMachine&lt;string, string&gt;</c> built once per loaded
/// <see cref="DecisionTree"/>. States are node ids; triggers are spelled as in the graph export
/// (<c>choice:ID</c>, <c>verdict:V</c>, <c>back</c>, <c>restart</c>, and <c>jump</c> with the target as
/// parameter); the <c>requires</c> conditions are guards. Every node is a substate of one root where back,
/// restart and jump are configured once.
/// </summary>
/// <remarks>
/// The state lives outside the machine, in the <see cref="WizardState"/> (and so in the session): each
/// <see cref="Fire"/> points the machine at the given state, asks it whether the trigger may fire and
/// where it leads, and returns a new state; resume and autosave need nothing from the machine. No entry
/// or exit actions (a probe in OnEntry would run again on Back); a jump is validated by a guard before it
/// can move (Stateless would otherwise enter an unknown node and stay there); a node missing from the tree
/// (a session saved with older content) is one extra state, <see cref="Unknown"/>, that only back and
/// restart leave. Firing is serialised per machine, a few microseconds each.
/// </remarks>
public sealed class WizardMachine
{
    /// <summary>
    /// At most this many automatic moves (probe verdicts) in a row; the next verdict is refused and the
    /// node's manual question is asked instead. The shipped tree's longest verdict chain is far shorter;
    /// only content whose probe verdicts lead round in a loop reaches it (lint reports such loops).
    /// </summary>
    public const int MaxAutomaticMoves = 16;

    /// <summary>The root superstate of every node: back, restart and jump live here.</summary>
    public const string Root = "\u0000root";

    /// <summary>The state standing for a current node that is not in the tree.</summary>
    public const string Unknown = "\u0000unknown";

    public const string BackTrigger = "back";
    public const string RestartTrigger = "restart";
    public const string JumpTrigger = "jump";

    private const string UnknownCurrentGuard = "the current node is in the tree";
    private const string JumpTargetGuard = "the jump target is a node of the tree";

    private static readonly ConditionalWeakTable<DecisionTree, WizardMachine> Machines = new();

    private readonly DecisionTree _tree;
    private readonly StateMachine<string, string> _machine;
    private readonly StateMachine<string, string>.TriggerWithParameters<string> _jump;
    private readonly Lock _gate = new();

    // The state being fired on and where the machine moved; only touched under _gate.
    private WizardState _state = WizardState.Initial;
    private string? _destination;

    private WizardMachine(DecisionTree tree)
    {
        _tree = tree;
        _machine = new StateMachine<string, string>(() => StateOf(_state.Current), s => _destination = s, FiringMode.Immediate);
        _jump = _machine.SetTriggerParameters<string>(JumpTrigger);
        Configure();
    }

    /// <summary>The machine of a tree, built on first use and kept as long as the tree lives.</summary>
    public static WizardMachine For(DecisionTree tree) => Machines.GetValue(tree, t => new WizardMachine(t));

    /// <summary>The machine's own description of itself (Stateless <c>GetInfo</c>): states, transitions, guards.</summary>
    public StateMachineInfo Info => _machine.GetInfo();

    /// <summary>The trigger's spelling for the machine (a jump's target is its parameter, not part of the name).</summary>
    public static string TriggerName(Trigger trigger) => trigger.Kind switch
    {
        TriggerKind.Choice => "choice:" + trigger.Value,
        TriggerKind.Verdict => "verdict:" + trigger.Value,
        TriggerKind.Back => BackTrigger,
        TriggerKind.Restart => RestartTrigger,
        TriggerKind.Jump => JumpTrigger,
        _ => trigger.ToString(),
    };

    /// <summary>Fires a trigger on a state: the new state, or the unchanged state with the reason it was refused.</summary>
    public Transition Fire(WizardState state, Trigger trigger)
    {
        lock (_gate)
        {
            _state = state;
            _destination = null;
            try
            {
                var name = TriggerName(trigger);
                ICollection<string> unmet;
                var permitted = trigger.Kind == TriggerKind.Jump
                    ? _machine.CanFire(_jump, trigger.Value ?? "", out unmet)
                    : _machine.CanFire(name, out unmet);
                if (!permitted)
                {
                    return Transition.Refused(state, Refusal(state, trigger, unmet));
                }

                if (trigger.Kind == TriggerKind.Jump)
                {
                    _machine.Fire(_jump, trigger.Value ?? "");
                }
                else
                {
                    _machine.Fire(name);
                }

                return Transition.To(Next(state, trigger, _destination!));
            }
            finally
            {
                _state = WizardState.Initial;
            }
        }
    }

    private string StateOf(string nodeId) => _tree.Contains(nodeId) ? nodeId : Unknown;

    private bool AtStart => _state.Steps.Count == 0;

    private int AutomaticMovesInARow()
    {
        var n = 0;
        for (var i = _state.Steps.Count - 1; i >= 0 && _state.Steps[i].Trigger.Kind == TriggerKind.Verdict; i--)
        {
            n++;
        }

        return n;
    }

    private void Configure()
    {
        _machine.Configure(Root)
            .PermitDynamicIf(BackTrigger, () => StateOf(_state.Steps[^1].From), () => !AtStart, "already at the start")
            .PermitDynamicIf(RestartTrigger, () => StateOf(Node.StartId), () => true, "always")
            .PermitDynamicIf(
                _jump,
                target => target,
                null,
                Tuple.Create<Func<string, bool>, string>(_ => _tree.Contains(_state.Current), UnknownCurrentGuard),
                Tuple.Create<Func<string, bool>, string>(target => _tree.Contains(target), JumpTargetGuard));
        _machine.Configure(Unknown).SubstateOf(Root);

        foreach (var node in _tree.Nodes)
        {
            var state = _machine.Configure(node.Id).SubstateOf(Root);
            foreach (var choice in node.Choices.DistinctBy(c => c.Id))
            {
                Permit(
                    state,
                    node.Id,
                    "choice:" + choice.Id,
                    choice.Next,
                    Tuple.Create<Func<bool>, string>(() => WizardEngine.GuardHolds(choice, _state), $"'{choice.Id}' is not an answer of {node.Id}"),
                    Known(node.Id, choice.Next));
            }

            if (node.Kind != NodeKind.Probe)
            {
                continue;
            }

            foreach (var (verdict, next) in node.Verdicts)
            {
                Permit(
                    state,
                    node.Id,
                    "verdict:" + verdict,
                    next,
                    Tuple.Create<Func<bool>, string>(
                        () => AutomaticMovesInARow() < MaxAutomaticMoves,
                        $"{MaxAutomaticMoves} automatic moves in a row (probe verdicts with no answer in between, a loop in the content?): {node.Id} is answered by hand"),
                    Known(node.Id, next));
            }
        }
    }

    private Tuple<Func<bool>, string> Known(string from, string next)
    {
        var known = _tree.Contains(next);
        return Tuple.Create<Func<bool>, string>(() => known, $"{from} leads to '{next}', which is not in the tree");
    }

    private static void Permit(StateMachine<string, string>.StateConfiguration state, string from, string trigger, string next, params Tuple<Func<bool>, string>[] guards)
    {
        // Stateless refuses Permit to the state itself; an answer that asks the same question again is a reentry.
        if (next == from)
        {
            state.PermitReentryIf(trigger, guards);
        }
        else
        {
            state.PermitIf(trigger, next, guards);
        }
    }

    private WizardState Next(WizardState state, Trigger trigger, string destination) => trigger.Kind switch
    {
        TriggerKind.Restart => WizardState.Initial,
        // The machine said where back leads; the step it undoes says which node that is, even one no longer in the tree.
        TriggerKind.Back => new WizardState(state.Steps[^1].From, state.Steps.RemoveAt(state.Steps.Count - 1)),
        TriggerKind.Jump => Move(state, trigger, trigger.Value!),
        _ => Move(state, trigger, destination),
    };

    private static WizardState Move(WizardState state, Trigger trigger, string next) =>
        new(next, state.Steps.Add(new Step(state.Current, trigger, next)));

    private string Refusal(WizardState state, Trigger trigger, ICollection<string>? unmet)
    {
        var node = _tree.Find(state.Current);
        if (node is null && trigger.Kind is not (TriggerKind.Back or TriggerKind.Restart))
        {
            return $"the current node '{state.Current}' is not in the tree";
        }

        if (unmet?.FirstOrDefault() is { } guard)
        {
            return guard == JumpTargetGuard ? $"no node '{trigger.Value}' to jump to" : guard;
        }

        // No transition for this trigger at all.
        return trigger.Kind switch
        {
            TriggerKind.Choice => $"'{trigger.Value}' is not an answer of {node!.Id}",
            TriggerKind.Verdict when node!.Kind != NodeKind.Probe => $"{node.Id} is not a probe node",
            TriggerKind.Verdict => $"{node!.Id} has no branch for verdict '{trigger.Value}'",
            _ => $"unknown trigger {trigger}",
        };
    }
}
