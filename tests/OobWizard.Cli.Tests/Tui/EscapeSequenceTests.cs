using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Tui;
using OobWizard.Core.Tree;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// Raw terminal input through the real ANSI parser (problem 4: an arrow key split over two reads,
/// as on a laggy SSH link, ended the session and left "[B" at the shell). Also the Linux
/// console's F1-F5, which Terminal.Gui does not know.
/// </summary>
public sealed class EscapeSequenceTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Fact]
    public void AnArrowKey_SplitOverTwoReads_IsStillAnArrowKey()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(400));

        ui.Raw("\u001b");
        Thread.Sleep(120); // longer than Terminal.Gui's own 50 ms: it has released the Esc by now
        ui.Raw("[B");

        Assert.True(ui.WaitUntil(() => ui.Window.Answers.Selected == 1));
        ui.Settle();
        Assert.False(ui.Ended);
        Assert.Equal(Node.StartId, ctl.Current.Id); // neither "b" (back) nor a filter nor a quit
        Assert.Null(ui.Read(() => ui.Window.Answers.Filter));
    }

    [Fact]
    public void AWholeSequence_AndALoneEsc_StillWork()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(100));

        ui.Raw("\u001b[B\u001b[B");
        Assert.True(ui.WaitUntil(() => ui.Window.Answers.Selected == 2));

        ui.Raw("/x"); // a filter...
        Assert.Equal("x", ui.Read(() => ui.Window.Answers.Filter));
        ui.Raw("\u001b"); // ...that a lone Esc ends, once the hold is over
        Assert.True(ui.WaitUntil(() => ui.Window.Answers.Filter is null));
    }

    [Theory]
    [InlineData("\u001b[[A")] // Linux console F1
    [InlineData("\u001bOP")]  // xterm F1
    public void F1_OpensTheHelp_FromTheLinuxConsoleToo(string f1)
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl);

        ui.Raw(f1);

        Assert.True(ui.WaitUntil(() => (ui.App.TopRunnable as Dialog)?.Title == "Keys"));
    }

    [Theory]
    [InlineData("[A", "CursorUp")]
    [InlineData("OB", "CursorDown")]
    [InlineData("[5~", "PageUp")]
    [InlineData("[6~", "PageDown")]
    [InlineData("[H", "Home")]
    [InlineData("[4~", "End")]
    [InlineData("[[E", "F5")]
    [InlineData("[15~", "F5")]
    [InlineData("[1;5A", "Ctrl+CursorUp")]
    [InlineData("[1;2B", "Shift+CursorDown")]
    [InlineData("[Z", "Shift+Tab")]
    public void Decode_KnowsTheKeysTerminalsSend(string sequence, string key)
    {
        Assert.Equal(key, EscapeSequenceJoiner.Decode(sequence)?.ToString());
    }

    [Theory]
    [InlineData("[")]
    [InlineData("[99~")]
    [InlineData("Ox")]
    [InlineData("]52;c;")]
    public void Decode_RefusesWhatItDoesNotKnow(string sequence)
    {
        Assert.Null(EscapeSequenceJoiner.Decode(sequence));
    }

    public void Dispose() => _f.Dispose();
}
