using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;
using OobWizard.Probes;
using Terminal.Gui.Input;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// The key bar at the bottom keeps the keys that matter at 80 columns in every language: the trial's
/// German bar on a diagnosis with a check result dropped "l Sprache" and "t Ziel". When it is short
/// of room, restart, note and copy go first; "p" is listed wherever a check can run again.
/// </summary>
public sealed class KeyBarTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public void At80Columns_ADiagnosisWithACheckResult_AndTheCheckPage_ListLanguageAndTarget(string lang)
    {
        var probe = new ScriptedProbe("amt.redirection", (_, _) => Task.FromResult(
            ProbeResult.Finding("amt.redirection", "disabled", "Serial over LAN, IDE redirection and the redirection listener are disabled")));
        var ctl = _f.Live(new ProbeRunner([probe]), lang);
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl, 80, 24);
        Assert.True(ui.WaitUntil(() => ctl.Current.Id == "console.redirection-disabled" && !ui.Window.Probing));
        ui.Settle();

        // The diagnosis: answer, back, the fix, copy and language/target all count; l and t stay.
        var keys = ui.Read(() => ui.Window.KeysText);
        foreach (var (key, label) in new[] { ("Enter", "tui.key.choose"), ("←", "tui.key.back"), ("f", "tui.key.fix"), ("?", "tui.key.help"), ("q", "tui.key.quit"), ("l", "tui.key.lang"), ("t", "tui.key.target") })
        {
            Assert.Contains(key + " " + Ui(lang, label), keys);
        }

        Assert.Equal(keys.TrimEnd(), ui.Screen()[^1].TrimEnd()); // and it is what the screen shows

        // Back at the check (it can run again): p is listed, and l and t still are.
        ui.Press(Key.CursorLeft);
        Assert.Equal("p.con.redirection", ctl.Current.Id);
        keys = ui.Read(() => ui.Window.KeysText);
        Assert.Contains("p " + Ui(lang, "tui.key.probe"), keys);
        Assert.Contains("l " + Ui(lang, "tui.key.lang"), keys);
        Assert.Contains("t " + Ui(lang, "tui.key.target"), keys);

        // And p does what it says: the check runs again.
        ui.Type("p");
        Assert.True(ui.WaitUntil(() => probe.Runs == 2 && !ui.Window.Probing));
    }

    [Fact]
    public void OnANarrowScreen_TheLeastNeededKeysGoFirst_AndTheBarNeverSpills()
    {
        var ctl = _f.Offline("de");
        ctl.Fire(Trigger.Jump("console.redirection-disabled"));
        using var ui = TuiHarness.Start(ctl, 50, 24);

        var keys = ui.Read(() => ui.Window.KeysText);
        Assert.StartsWith("Enter " + Ui("de", "tui.key.choose"), keys);
        Assert.DoesNotContain("r " + Ui("de", "tui.key.restart"), keys);
        Assert.True(Terminal.Gui.Text.StringExtensions.GetColumns(keys, false) <= 50, keys);
    }

    private static string Ui(string lang, string key) => WizardFactory.Content.Ui(lang, key);

    public void Dispose() => _f.Dispose();
}
