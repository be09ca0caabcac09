namespace OobWizard.Cli.Wizard;

/// <summary>
/// What an answer did. <see cref="Moved"/>: the wizard went on. <see cref="Message"/> is for the
/// user (a refusal, "the fault is still there", or what a re-check confirmed); null when none.
/// </summary>
public sealed record ChoiceOutcome(bool Moved, string? Message)
{
    public static readonly ChoiceOutcome MovedOn = new(true, null);

    public static ChoiceOutcome Refused(string reason) => new(false, reason);

    public static ChoiceOutcome StillFaulty(string message) => new(false, message);

    public static ChoiceOutcome Confirmed(string message) => new(true, message);
}
