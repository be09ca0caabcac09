namespace OobWizard.Core.Engine;

/// <summary>What moves the wizard: an answer, a probe verdict, back, restart, or a jump to a node.</summary>
public sealed record Trigger(TriggerKind Kind, string? Value = null)
{
    public static Trigger Choose(string choiceId) => new(TriggerKind.Choice, choiceId);

    public static Trigger Verdict(string verdict) => new(TriggerKind.Verdict, verdict);

    public static readonly Trigger Back = new(TriggerKind.Back);

    public static readonly Trigger Restart = new(TriggerKind.Restart);

    public static Trigger Jump(string nodeId) => new(TriggerKind.Jump, nodeId);

    /// <summary>The graph's spelling: <c>choice:id</c>, <c>verdict:v</c>, <c>jump:node</c>, <c>back</c>, <c>restart</c>.</summary>
    public override string ToString() => Kind switch
    {
        TriggerKind.Choice => "choice:" + Value,
        TriggerKind.Verdict => "verdict:" + Value,
        TriggerKind.Jump => "jump:" + Value,
        TriggerKind.Back => "back",
        _ => "restart",
    };

    public static bool TryParse(string text, out Trigger trigger)
    {
        trigger = Restart;
        var i = text.IndexOf(':');
        var (head, tail) = i < 0 ? (text, null) : (text[..i], text[(i + 1)..]);
        Trigger? t = (head, tail) switch
        {
            ("choice", { Length: > 0 } v) => Choose(v),
            ("verdict", { Length: > 0 } v) => Verdict(v),
            ("jump", { Length: > 0 } v) => Jump(v),
            ("back", null) => Back,
            ("restart", null) => Restart,
            _ => null,
        };
        if (t is null)
        {
            return false;
        }

        trigger = t;
        return true;
    }
}
