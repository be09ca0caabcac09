using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// The keys and the mouse of the full-screen wizard, driven through Terminal.Gui's own input path
/// (problem 5: restart and quit asked nothing, Back forgot the answer, only 1-9 worked, the note
/// prompt could not be cancelled, the help was squeezed).
/// </summary>
public sealed class WizardKeysTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Fact]
    public void ArrowsAndEnter_ChooseTheHighlightedAnswer_AndUpFromTheFirstWraps()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl);

        ui.Press(Key.CursorDown, Key.CursorDown, Key.Enter);
        Assert.Equal("sym.power-state-only", SessionStore.Load(ctl.SessionPath).State.Current);

        // Back highlights the third answer (given before); up three times wraps to the last.
        ui.Press(Key.CursorLeft).Press(Key.CursorUp, Key.CursorUp, Key.CursorUp);
        Assert.Equal(ctl.Content.Tree.Symptoms.Count - 1, ui.Read(() => ui.Window.Answers.Selected));
    }

    [Theory]
    [InlineData("11", 10)]
    [InlineData("2", 1)]
    [InlineData("19", 8)] // "1" then "9": there is no answer 19, so the 9 starts a new number
    [InlineData("10", 9)]
    public void Numbers_OfOneOrMoreDigits_OnlyHighlight_AndEnterChoosesThatAnswer(string typed, int index)
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl);

        ui.Type(typed);
        Assert.Equal(Node.StartId, ctl.Current.Id); // a number never chooses by itself
        Assert.Equal(index, ui.Read(() => ui.Window.Answers.Selected));
        Assert.Contains("Enter", ui.Read(() => ui.Window.InfoText));

        ui.Press(Key.Enter);
        Assert.Equal(ctl.Content.Tree.Symptoms[index].Next, ctl.Current.Id);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public void ANumberThatCannotGrow_ThenEnter_RecordsExactlyOneAnswer(string lang)
    {
        // The trial: "4" chose at once (no answer 40 exists), and the Enter typed after it answered
        // the next question too. Now "4" highlights and Enter chooses, once.
        var ctl = _f.Offline(lang);
        using var ui = TuiHarness.Start(ctl);
        var fourth = ctl.Content.Tree.Symptoms[3].Next;

        ui.Type("4");
        Assert.Equal(Node.StartId, ctl.Current.Id);
        ui.Press(Key.Enter);

        Assert.Equal(fourth, ctl.Current.Id);
        Assert.Equal(2, SessionStore.Load(ctl.SessionPath).State.Path.Count);
    }

    [Fact]
    public void Slash_FiltersTheAnswersAsOneTypes_AndEnterChoosesTheFirstMatch()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl);

        ui.Type("/certif");
        var shown = ui.ScreenText();
        Assert.Contains("Certificates cannot be revoked", shown);
        Assert.DoesNotContain("responds slowly", shown);
        Assert.Contains(" 8. ", shown); // numbers stay those of the full list

        ui.Press(Key.Enter);
        Assert.Equal(ctl.Content.Tree.Symptoms[7].Next, ctl.Current.Id);
    }

    [Fact]
    public void Esc_EndsTheFilter_AndALoneEscNeverLeaves()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50));

        ui.Type("/zzz");
        Assert.Contains("No answer contains 'zzz'", ui.ScreenText());
        ui.Press(Key.Esc);
        Assert.True(ui.WaitUntil(() => ui.Window.Answers.Filter is null));
        ui.Press(Key.Esc);
        ui.Settle();

        Assert.False(ui.Ended);
        Assert.Contains("responds slowly", ui.ScreenText());
    }

    [Fact]
    public void AClick_OnAnAnswer_ChoosesIt_AndTheWheel_ScrollsTheGuidance()
    {
        var ctl = _f.Offline();
        ctl.Fire(Trigger.Jump("prov.cert-hash-missing"));
        using var ui = TuiHarness.Start(ctl);

        var pageRow = ui.Read(() => ui.Window.Page.FrameToScreen().Y) + 1;
        ui.Mouse(MouseFlags.WheeledDown, 10, pageRow);
        Assert.True(ui.Read(() => ui.Window.Page.Top) > 0);

        var rows = ui.Screen();
        var notFixed = Array.FindIndex(rows, r => r.Contains("2. No, the problem is still there", StringComparison.Ordinal));
        Assert.True(notFixed > 0);
        ui.Click(10, notFixed);

        Assert.Equal(ctl.Content.Tree["prov.cert-hash-missing"].Unresolved, ctl.Current.Id);
    }

    [Fact]
    public void Back_HighlightsTheAnswerGivenBefore()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl);

        ui.Answer(3);
        ui.Press(Key.CursorLeft);

        Assert.Equal(Node.StartId, ctl.Current.Id);
        Assert.Equal(2, ui.Read(() => ui.Window.Answers.Selected));
        Assert.Contains("❯  3. ", ui.ScreenText());
    }

    [Fact]
    public void Restart_Asks_AndEscKeepsThePath()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50));
        ui.Answer(2);

        ui.Type("r");
        Assert.Equal("Start over", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        ui.Press(Key.Esc);
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));
        Assert.Equal("sym.console-cannot-connect", ctl.Current.Id);

        ui.Type("r");
        ui.Press(Key.Enter);
        Assert.True(ui.WaitUntil(() => ctl.Current.Id == Node.StartId));
    }

    [Fact]
    public void Q_AsksFirst_EscStays_EnterSavesAndLeaves()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50));
        ui.Answer(2);

        ui.Type("q");
        Assert.Equal("Leave the wizard", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        Assert.Contains("oobwizard --resume", ui.ScreenText());
        ui.Press(Key.Esc);
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));
        Assert.False(ui.Ended);

        ui.Type("q");
        ui.Press(Key.Enter);
        Assert.True(ui.WaitForEnd());
        Assert.True(ui.Window.Left);
        Assert.Equal("sym.console-cannot-connect", SessionStore.Load(ctl.SessionPath).State.Current);
    }

    [Fact]
    public void CtrlC_SavesAndLeavesAtOnce_EvenFromADialog()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl);
        ui.Answer(2);
        ui.Type("n"); // the note dialog is open

        ui.Press(Key.C.WithCtrl);

        Assert.True(ui.WaitForEnd());
        Assert.Equal("sym.console-cannot-connect", SessionStore.Load(ctl.SessionPath).State.Current);
    }

    [Fact]
    public void Note_IsADialog_ThatEscCancels_AndThatListsTheNotesSoFar()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50));

        ui.Type("n").Type("first note");
        ui.Press(Key.Esc);
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));
        Assert.Empty(ctl.Session.Notes);

        ui.Type("n").Type("customer moved the PC");
        ui.Press(Key.Enter);
        Assert.True(ui.WaitUntil(() => ctl.Session.Notes.Count == 1));
        Assert.Equal("customer moved the PC", SessionStore.Load(ctl.SessionPath).Notes.Single().Text);

        ui.Type("n");
        Assert.Contains("• customer moved the PC", ui.ScreenText());
    }

    [Fact]
    public void Help_IsADialog_WithEveryKey()
    {
        var ctl = _f.Offline("de");
        using var ui = TuiHarness.Start(ctl, 60, 20, escapeHold: TimeSpan.FromMilliseconds(50));

        ui.Type("?");
        Assert.Equal("Tasten", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        Assert.Contains("Antwort markieren", ui.ScreenText());
        ui.Press(Key.PageDown, Key.PageDown);
        Assert.Contains("Strg+L", ui.ScreenText());
        ui.Press(Key.Esc);
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));
    }

    [Fact]
    public void L_OpensTheLanguageDialog_ANumberHighlights_EnterSwitches_AndTheScreenFollows()
    {
        var ctl = _f.Offline();
        using var ui = TuiHarness.Start(ctl);

        ui.Type("l");
        Assert.Contains("日本語", ui.ScreenText());
        ui.Type("3");
        Assert.Equal("en", ctl.Language); // "3" only highlights 日本語
        Assert.NotNull(ui.Read(() => ui.App.TopRunnable as Dialog)); // still open
        ui.Press(Key.Enter);

        Assert.True(ui.WaitUntil(() => ctl.Language == "ja"));
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));
        var saved = SessionStore.Load(ctl.SessionPath);
        Assert.Equal("ja", saved.Language);
        Assert.Equal(Node.StartId, ctl.Current.Id); // the Enter switched the language and answered nothing
        Assert.Single(saved.State.Path);
        Assert.Contains("どのような問題が起きていますか", ui.ScreenText());
    }

    [Fact]
    public void F_JumpsToTheFixSection()
    {
        var ctl = _f.Offline("de");
        ctl.Fire(Trigger.Jump("prov.cert-hash-missing"));
        using var ui = TuiHarness.Start(ctl);

        ui.Type("f");

        var top = ui.Read(() => ui.Window.Page.Top);
        Assert.True(top > 0);
        Assert.Contains("Lösung", ui.ScreenText());
    }

    [Fact]
    public void C_CopiesThePagesCommands_AndWritesThemToAFile_WithoutOverwritingUnasked()
    {
        var ctl = _f.Offline();
        ctl.Fire(Trigger.Jump("console.redirection-disabled"));
        var clipboard = new RecordingClipboard();
        var target = Path.Combine(_f.Dir, "oobwizard-console.redirection-disabled-commands.txt");
        File.WriteAllText(target, "keep me");
        using var ui = TuiHarness.Start(ctl, options: new() { Clipboard = clipboard, CurrentDirectory = _f.Dir }, escapeHold: TimeSpan.FromMilliseconds(50));
        var commands = ui.Read(() => ui.Window.Commands());
        Assert.NotEmpty(commands);

        // The suggested file exists: asked before overwriting, and Esc keeps it.
        ui.Type("c");
        Assert.Equal(string.Join("\n\n", commands) + "\n", clipboard.Copied.Single());
        ui.Press(Key.Enter);
        Assert.True(ui.WaitUntil(() => (ui.App.TopRunnable as Dialog)?.Title == "File exists"));
        ui.Press(Key.Esc);
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));
        Assert.Equal("keep me", File.ReadAllText(target));

        File.Delete(target);
        ui.Type("c").Press(Key.Enter);
        Assert.True(ui.WaitUntil(() => ui.Window.Message?.Contains("written", StringComparison.Ordinal) == true));
        Assert.Equal(string.Join("\n\n", commands) + "\n", File.ReadAllText(target));
    }

    public void Dispose() => _f.Dispose();
}
