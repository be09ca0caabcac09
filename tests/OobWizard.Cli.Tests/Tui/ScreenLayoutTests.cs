using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Xunit.Abstractions;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// Every kind of screen at 80x24, 60x20 and 120x40 in en, de and ja: the header and breadcrumb on
/// top, the key bar alone on the last row (no guidance or answer text under it), no laid-out line
/// wider than the screen, and the highlighted answer in view. Resizing mid-screen and Ctrl+L lay
/// everything out again (problem 1: the header vanished and Ctrl+L switched the language).
/// </summary>
public sealed class ScreenLayoutTests(ITestOutputHelper output) : IDisposable
{
    private readonly WizardFactory _f = new();

    // One of each kind: start (11 answers), a question, a probe page with evidence, a long
    // diagnosis with tables and code, both ends (with findings), and the log-file symptom.
    private static readonly string[] Nodes =
    [
        "start", "sym.console-cannot-connect", "p.con.redirection", "console.power-state-only",
        "prov.cert-hash-missing", "end.escalate", "end.resolved", "sym.log-file",
    ];

    public static TheoryData<string, int, int> Sizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var lang in Languages.All)
        {
            data.Add(lang, 80, 24);
            data.Add(lang, 60, 20);
            data.Add(lang, 120, 40);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryScreen_FitsTheTerminal_WithTheKeyBarAloneOnTheLastRow(string lang, int width, int height)
    {
        var ctl = _f.Offline(lang);
        using var ui = TuiHarness.Start(ctl, width, height);
        foreach (var node in Nodes)
        {
            ui.Read(() =>
            {
                if (node != ctl.Current.Id)
                {
                    ctl.Fire(Trigger.Restart);
                    if (node.StartsWith("end.", StringComparison.Ordinal))
                    {
                        // Reached through a candidate, as a user would: rejected, or fixed.
                        ctl.Fire(Trigger.Jump("console.power-state-only"));
                        ctl.Fire(Trigger.Choose(node == "end.escalate" ? "not-fixed" : "fixed"));
                    }

                    if (node != ctl.Current.Id)
                    {
                        ctl.Fire(Trigger.Jump(node));
                    }
                }

                ui.Window.ShowCurrent();
                return true;
            });

            AssertFits(ui, width, height, $"{lang} {width}x{height} {node}");
        }
    }

    [Fact]
    public void Resizing_MidScreen_LaysEverythingOutAgain()
    {
        var ctl = _f.Offline("de");
        ctl.Fire(Trigger.Jump("prov.cert-hash-missing"));
        using var ui = TuiHarness.Start(ctl, 100, 30);
        ui.Press(Key.PageDown, Key.PageDown);
        var scrolledAt100 = ui.Read(() => ui.Window.Page.Top);
        Assert.True(scrolledAt100 > 0);

        foreach (var (w, h) in new[] { (80, 24), (60, 20), (120, 40), (80, 24) })
        {
            ui.Resize(w, h);
            AssertFits(ui, w, h, $"after resize to {w}x{h}");
            // Both verification answers stay on screen: nothing is blanked or double spaced.
            var screen = ui.ScreenText();
            Assert.Contains("1. ", screen);
            Assert.Contains("2. ", screen);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(12, 4)]
    [InlineData(30, 8)]
    [InlineData(0, 0)]
    public void ATinyTerminal_NeverCrashes_AndGrowingBackRestoresTheScreen(int width, int height)
    {
        var ctl = _f.Offline("ja");
        using var ui = TuiHarness.Start(ctl, 80, 24);

        ui.Resize(width, height);
        ui.Type("/");
        ui.Press(Key.CursorDown);
        ui.Screen();
        ui.Resize(80, 24);
        ui.Press(Key.Esc);

        Assert.False(ui.Ended);
        AssertFits(ui, 80, 24, $"back from {width}x{height}");
    }

    [Fact]
    public void CtrlL_RedrawsTheSameScreen_AndKeepsTheLanguage()
    {
        var ctl = _f.Offline("en");
        using var ui = TuiHarness.Start(ctl, 80, 24);
        var before = ui.Screen();

        ui.Press(Key.L.WithCtrl);

        Assert.Equal("en", ctl.Language);
        Assert.Equal(before, ui.Screen());
    }

    private void AssertFits(TuiHarness ui, int width, int height, string what)
    {
        var rows = ui.Screen();
        output.WriteLine($"--- {what}\n{string.Join('\n', rows)}");
        Assert.Equal(height, rows.Length);
        Assert.All(rows, r => Assert.True(r.GetColumns() <= width, $"{what}: row wider than {width}: {r}"));

        var (pageWidest, pageWidth, keys, header, crumb, selectedVisible) = ui.Read(() => (
            ui.Window.Page.Page.MaxColumns,
            ui.Window.Page.Viewport.Width,
            ui.Window.KeysText,
            ui.Window.Page.SuperView!.SubViews.First().Frame.Y,
            ui.Window.Page.SuperView!.SubViews.ElementAt(1).Frame.Y,
            ui.Window.Answers.Selected is null || ui.Window.Answers.Viewport.Height > 0));
        Assert.True(pageWidest <= pageWidth, $"{what}: a guidance line is {pageWidest} columns in a {pageWidth}-column pane");
        Assert.Equal(0, header);
        Assert.Equal(1, crumb);
        Assert.Contains(WizardFactory.Content.Ui("en", "app.name"), rows[0]);

        // The last row is the key bar and only the key bar.
        Assert.False(string.IsNullOrWhiteSpace(keys));
        Assert.Equal(keys.TrimEnd(), rows[^1].TrimEnd());
        Assert.True(selectedVisible, $"{what}: the answers have no room");
    }

    public void Dispose() => _f.Dispose();
}
