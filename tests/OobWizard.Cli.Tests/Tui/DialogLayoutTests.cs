using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.Views;
using Xunit.Abstractions;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// Every dialog of the full-screen wizard at 80x24, 60x20 and 120x40 in en, de and ja: inside the
/// screen, no row wider than it, its default button on screen (so Enter is never a blind choice),
/// and Esc closes it without changing the session. Also the information line of a failed save.
/// </summary>
public sealed class DialogLayoutTests(ITestOutputHelper output) : IDisposable
{
    private readonly WizardFactory _f = new();

    // The key that opens it, and the UI string of the button that must be visible.
    private static readonly (string Key, string Button)[] Dialogs =
    [
        ("?", "dlg.close"), ("q", "dlg.yes"), ("n", "dlg.save"), ("l", "dlg.cancel"),
        ("t", "dlg.ok"), ("r", "dlg.yes"), ("s", "dlg.save"),
    ];

    public static TheoryData<string, int, int> Sizes() => ScreenLayoutTests.Sizes();

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryDialog_FitsTheScreen_ShowsItsButton_AndEscClosesIt(string lang, int width, int height)
    {
        var ctl = _f.Offline(lang);
        ctl.Fire(Trigger.Jump("console.power-state-only")); // a long page behind the dialogs
        var before = ctl.Session.State;
        using var ui = TuiHarness.Start(ctl, width, height, escapeHold: TimeSpan.FromMilliseconds(30));

        foreach (var (key, button) in Dialogs)
        {
            ui.Type(key);
            var what = $"{lang} {width}x{height} '{key}'";
            Assert.True(ui.WaitUntil(() => ui.App.TopRunnable is Dialog), what + ": no dialog");
            var rows = ui.Screen();
            output.WriteLine($"--- {what}\n{string.Join('\n', rows)}");
            Assert.Equal(height, rows.Length);
            Assert.All(rows, r => Assert.True(r.GetColumns() <= width, $"{what}: row wider than {width}: {r}"));
            var frame = ui.Read(() => ((Dialog)ui.App.TopRunnable!).Frame);
            Assert.True(frame.X >= 0 && frame.Y >= 0 && frame.Right <= width && frame.Bottom <= height, $"{what}: dialog at {frame}");
            Assert.Contains("[ " + WizardFactory.Content.Ui(lang, button) + " ]", string.Join('\n', rows));

            ui.Press(Key.Esc);
            Assert.True(ui.WaitUntil(() => ReferenceEquals(ui.App.TopRunnable, ui.Window)), what + ": Esc did not close it");
        }

        Assert.Equal(before, ctl.Session.State);
        Assert.Equal(lang, ctl.Language);
        Assert.Empty(ctl.Session.Notes);
        Assert.False(ui.Ended);
    }

    [Theory]
    [InlineData("de", 60, 20)]
    [InlineData("ja", 60, 20)]
    [InlineData("en", 60, 16)]
    public void AHelpTextTallerThanTheDialog_SaysHowManyLinesFollow_AndScrolls(string lang, int width, int height)
    {
        var ctl = _f.Offline(lang);
        using var ui = TuiHarness.Start(ctl, width, height, escapeHold: TimeSpan.FromMilliseconds(30));

        ui.Type("?");
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable is Dialog), "no dialog");
        var first = string.Join('\n', ui.Screen());
        output.WriteLine(first);
        // Inside the dialog: right before its border (the guidance pane behind has its own "↓N" at the screen's edge).
        Assert.Matches(@"↓\d+ *│", first);
        Assert.DoesNotMatch(@"↑\d+", first);

        for (var i = 0; i < 10; i++)
        {
            ui.Press(Key.PageDown);
        }

        Assert.True(ui.WaitUntil(() => System.Text.RegularExpressions.Regex.IsMatch(string.Join('\n', ui.Screen()), @"↑\d+ *│")), "no ↑ after paging down:\n" + string.Join('\n', ui.Screen()));
        var last = string.Join('\n', ui.Screen());
        output.WriteLine(last);
        Assert.DoesNotMatch(@"↓\d+\s*│", last);
    }

    [Fact]
    public void TheScrollHint_CountsTheLinesAboveAndBelow()
    {
        Assert.Equal("", OobWizard.Cli.Tui.TuiDialogs.ScrollHint(0, 10, 10));
        Assert.Equal("↓5", OobWizard.Cli.Tui.TuiDialogs.ScrollHint(0, 10, 15));
        Assert.Equal("↑2 ↓3", OobWizard.Cli.Tui.TuiDialogs.ScrollHint(2, 10, 15));
        Assert.Equal("↑5", OobWizard.Cli.Tui.TuiDialogs.ScrollHint(5, 10, 15));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AFailedSave_IsOneLineInTheLayout_WithTheWayOutFirst(string lang, int width, int height)
    {
        var full = false;
        var ctl = new OobWizard.Cli.Wizard.WizardController(
            WizardFactory.Content,
            Core.Sessions.Session.New(new FixedClock(), lang, target: null, offline: true),
            Path.Combine(_f.Dir, "s.json"),
            new Probes.ProbeRunner([]),
            () => new Probes.ProbeContext(),
            new FixedClock(),
            save: (path, session) =>
            {
                if (full)
                {
                    throw new IOException("No space left on device");
                }

                Core.Sessions.SessionStore.Save(path, session);
            });
        using var ui = TuiHarness.Start(ctl, width, height);
        full = true;

        ui.Answer(3);

        var rows = ui.Screen();
        var line = WizardFactory.Content.UiFormat(lang, "save.failed.keys", "No space left on device");
        var shown = Array.FindIndex(rows, r => r.StartsWith(line[..Math.Min(line.Length, 12)], StringComparison.Ordinal));
        Assert.True(shown > 1 && shown < height - 1, $"{lang} {width}x{height}: the line is not between the guidance and the keys:\n{string.Join('\n', rows)}");
        Assert.Equal(1, rows.Count(r => r.Contains(line[..Math.Min(line.Length, 12)], StringComparison.Ordinal)));
        Assert.StartsWith("s ", ui.Window.KeysText);
        Assert.All(rows, r => Assert.True(r.GetColumns() <= width, r));
    }

    public void Dispose() => _f.Dispose();
}
