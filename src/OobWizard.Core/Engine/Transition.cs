namespace OobWizard.Core.Engine;

/// <summary>The result of firing a trigger: the new state, or why the trigger was refused (state unchanged).</summary>
public sealed record Transition(WizardState State, bool Accepted, string? Refusal)
{
    public static Transition To(WizardState state) => new(state, true, null);

    public static Transition Refused(WizardState state, string why) => new(state, false, why);
}
