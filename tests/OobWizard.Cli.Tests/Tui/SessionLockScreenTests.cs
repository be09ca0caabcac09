using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Tui;
using OobWizard.Core.Sessions;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// Two windows on one session (problem 7: they overwrote each other's steps and notes silently):
/// the second is told who holds it and chooses read-only or take-over; after a take-over the first
/// one stops saving and says so.
/// </summary>
public sealed class SessionLockScreenTests : IDisposable
{
    private readonly WizardFactory _f = new();

    private static SessionLockHolder Holder(int pid) => SessionLockHolder.ThisProcess(Environment.MachineName, pid, DateTimeOffset.Now);

    [Fact]
    public void TakingOver_MakesTheOtherWindowStopSaving_AndSaySo()
    {
        var first = _f.Offline();
        Assert.Null(first.AcquireLock(Holder(1001), _ => true));
        first.Save();
        using var firstUi = TuiHarness.Start(first);
        var second = WizardFactory.Resume(first.SessionPath);
        var heldBy = second.AcquireLock(Holder(1002), _ => true);
        Assert.Equal(1001, heldBy!.Pid);

        using var secondUi = TuiHarness.Start(second, options: new() { Clipboard = new RecordingClipboard(), CurrentDirectory = _f.Dir, HeldBy = heldBy });
        Assert.Equal("Session in use", secondUi.Read(() => (secondUi.App.TopRunnable as Dialog)?.Title));
        Assert.Contains("PID 1001", secondUi.ScreenText());
        secondUi.Press(Key.Enter); // take over (the default)
        Assert.True(secondUi.WaitUntil(() => secondUi.App.TopRunnable == secondUi.Window));
        secondUi.Answer(3);
        Assert.Equal("sym.power-state-only", SessionStore.Load(first.SessionPath).State.Current);

        firstUi.Answer(2); // the first window moves on, but must not overwrite the file
        Assert.True(first.ReadOnly);
        Assert.Equal("sym.power-state-only", SessionStore.Load(first.SessionPath).State.Current);
        Assert.Contains("took this session over", firstUi.ScreenText());
        Assert.Contains("read-only", firstUi.Screen()[0]);
    }

    [Fact]
    public void ReadOnly_ShowsTheSession_AndWritesNothing()
    {
        var first = _f.Offline();
        Assert.Null(first.AcquireLock(Holder(1001), _ => true));
        first.Save();
        var before = File.ReadAllText(first.SessionPath);
        var second = WizardFactory.Resume(first.SessionPath);
        var heldBy = second.AcquireLock(Holder(1002), _ => true);
        using var ui = TuiHarness.Start(second, options: new() { Clipboard = new RecordingClipboard(), CurrentDirectory = _f.Dir, HeldBy = heldBy });

        ui.Press(Key.CursorLeft).Press(Key.Enter); // the button before "Take over"
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));
        ui.Answer(2).Type("n").Type("a note").Press(Key.Enter);
        ui.Settle();

        Assert.True(second.ReadOnly);
        Assert.Contains("read-only", ui.Screen()[0]);
        Assert.Equal(before, File.ReadAllText(first.SessionPath));
    }

    public void Dispose() => _f.Dispose();
}
