namespace OobWizard.Core.Engine;

public enum TriggerKind
{
    Choice,
    Verdict,
    Back,
    Restart,
    Jump,
}
