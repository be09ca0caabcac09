using OobWizard.Core.Engine;

namespace OobWizard.Core.Tests.Engine;

public sealed class TriggerTests
{
    public static TheoryData<Trigger> AllKinds => new(
        Trigger.Choose("yes"), Trigger.Verdict("not-provisioned"), Trigger.Jump("prov.cert-hash-missing"), Trigger.Back, Trigger.Restart);

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void A_trigger_parses_back_from_its_graph_spelling(Trigger trigger)
    {
        Assert.True(Trigger.TryParse(trigger.ToString(), out var parsed));
        Assert.Equal(trigger, parsed);
    }

    [Theory]
    [InlineData("choice:yes", "choice:yes")]
    [InlineData("verdict:pass", "verdict:pass")]
    [InlineData("jump:end.resolved", "jump:end.resolved")]
    [InlineData("back", "back")]
    [InlineData("restart", "restart")]
    public void The_graph_spelling_is_kind_colon_value(string text, string expected)
    {
        Assert.True(Trigger.TryParse(text, out var t));
        Assert.Equal(expected, t.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("choice:")]
    [InlineData("choice")]
    [InlineData("back:x")]
    [InlineData("teleport:x")]
    [InlineData("Choice:yes")]
    public void A_malformed_spelling_does_not_parse(string text)
    {
        Assert.False(Trigger.TryParse(text, out _));
    }
}
