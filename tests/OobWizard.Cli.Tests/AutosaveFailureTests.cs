using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Tui;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;
using OobWizard.Core.Sessions;
using OobWizard.Probes;
using OobWizard.Tests.Shared;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests;

/// <summary>
/// A disk that fills up or turns read-only while the wizard runs: one line says the step was not
/// saved, the previous file stays whole, the session stays in memory, another file can take it,
/// no stack trace, no input lost.
/// </summary>
public sealed class AutosaveFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-save-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void A_disk_that_fills_up_mid_session_costs_no_step()
    {
        using var disk = ScratchMount.TryCreate(64, out var whyNot);
        Skip.If(disk is null, whyNot);
        using var run = new CliRun();
        var file = Path.Combine(disk!.Path, "s.json");
        var elsewhere = Path.Combine(run.SessionDir, "elsewhere.json");
        var input = new ScriptedInput()
            .Line("power-state-only")
            .Line("1", before: disk.Fill)
            .Line("back")
            .Line($"save {elsewhere}")
            .Line("1");

        run.Run(input, "--plain", "--offline", "--lang", "en", "--session", file);

        var text = run.Out.ReplaceLineEndings(" ");
        Assert.Equal(0, run.Exit);
        Assert.Equal(1, text.Split("! Not saved:").Length - 1); // once, not after every step
        Assert.Contains("No space left on device", text);
        Assert.Contains("Session saved to " + elsewhere, text);
        Assert.Equal("sym.power-state-only", SessionStore.Load(file).State.Current); // the previous file, whole
        var saved = SessionStore.Load(elsewhere);
        Assert.Equal("console.power-state-only", saved.State.Current);
        Assert.Contains(saved.History, h => h.Event == "back -> sym.power-state-only"); // the steps taken while the disk was full
        Assert.DoesNotContain("   at ", run.Out + run.Err);
        Assert.DoesNotContain(Directory.GetFiles(disk.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_file_system_remounted_read_only_mid_session_costs_no_step()
    {
        using var disk = ScratchMount.TryCreate(256, out var whyNot);
        Skip.If(disk is null, whyNot);
        using var run = new CliRun();
        var file = Path.Combine(disk!.Path, "s.json");
        var input = new ScriptedInput()
            .Line("power-state-only")
            .Line("1", before: disk.MakeReadOnly);

        run.Run(input, "--plain", "--offline", "--lang", "en", "--session", file);

        var text = run.Out.ReplaceLineEndings(" ");
        Assert.Contains("Read-only file system", text);
        Assert.Equal("sym.power-state-only", SessionStore.Load(file).State.Current);
        // End of input with nobody left to ask: the steps go to a rescue copy in the sessions folder.
        var rescue = Assert.Single(Directory.GetFiles(run.SessionDir, "rescue-*.json"));
        Assert.Equal("console.power-state-only", SessionStore.Load(rescue).State.Current);
        Assert.Contains("oobwizard --resume " + rescue, text);
        Assert.Equal(1, run.Exit);
        Assert.DoesNotContain("   at ", run.Out + run.Err);
    }

    [Fact]
    public void A_failing_save_keeps_the_session_in_memory_and_is_said_once()
    {
        var failing = new FailingDisk();
        var ctl = Controller(failing.Save);
        failing.Full = true;

        Assert.Null(ctl.Fire(Trigger.Choose("power-state-only"))); // the step is taken
        Assert.Equal("sym.power-state-only", ctl.Session.State.Current);
        var warning = ctl.TakeSaveWarning();
        Assert.NotNull(warning);
        Assert.Contains("No space left on device", warning);
        Assert.DoesNotContain('\n', warning);

        ctl.Fire(Trigger.Back);
        Assert.Null(ctl.TakeSaveWarning()); // not again for the same failure
        Assert.NotNull(ctl.NotSavedReason);

        var elsewhere = Path.Combine(_dir, "elsewhere.json");
        Assert.Null(ctl.SaveAs(elsewhere));
        Assert.Equal(elsewhere, ctl.SessionPath);
        Assert.Null(ctl.NotSavedReason);
        Assert.Equal(
            ["start", "choice:power-state-only -> sym.power-state-only", "back -> start"],
            SessionStore.Load(elsewhere).History.Select(h => h.Event));
    }

    [Fact]
    public void Save_as_never_writes_over_an_existing_file()
    {
        var ctl = Controller();
        var taken = Path.Combine(_dir, "taken.json");
        File.WriteAllText(taken, "someone else's");

        var refusal = ctl.SaveAs(taken);

        Assert.NotNull(refusal);
        Assert.Contains("exists already", refusal);
        Assert.Equal("someone else's", File.ReadAllText(taken));
    }

    [Fact]
    public void The_full_screen_wizard_keeps_a_line_saying_it_and_s_saves_elsewhere()
    {
        var failing = new FailingDisk();
        var ctl = Controller(failing.Save);
        var elsewhere = Path.Combine(_dir, "elsewhere.json");
        using var ui = TuiHarness.Start(ctl, options: Options());
        failing.Full = true;

        ui.Answer(3); // a symptom: the save fails
        Assert.Equal("sym.power-state-only", ctl.Current.Id);
        Assert.StartsWith("Not saved: press s to save to another file (No space left on device)", ui.Window.InfoText);
        Assert.StartsWith("s save as", ui.Window.KeysText); // the way out comes first
        Assert.Contains("not saved", ui.Screen()[0]);
        ui.Answer(2); // another step: still said, not stacked up
        Assert.StartsWith("Not saved: press s", ui.Window.InfoText);

        ui.Type("s");
        Assert.Equal("Save the session elsewhere", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        ui.ReplaceText(elsewhere).Press(Key.Enter);

        Assert.Same(ui.Window, ui.Read(() => ui.App.TopRunnable));
        Assert.Equal(ctl.Current.Id, SessionStore.Load(elsewhere).State.Current);
        Assert.Equal(elsewhere, ctl.SessionPath);
        Assert.StartsWith("Session saved to " + elsewhere, ui.Window.Message);
        Assert.DoesNotContain("not saved", ui.Screen()[0]);
        ui.Press(Key.CursorLeft); // and every later step goes there
        Assert.Equal("sym.power-state-only", SessionStore.Load(elsewhere).State.Current);
        Assert.DoesNotContain("   at ", ui.ScreenText());
    }

    [Fact]
    public void Save_as_in_the_full_screen_wizard_refuses_an_existing_file_and_asks_again()
    {
        var ctl = Controller();
        var taken = Path.Combine(_dir, "taken.json");
        File.WriteAllText(taken, "someone else's");
        using var ui = TuiHarness.Start(ctl, options: Options());

        ui.Type("s").ReplaceText(taken).Press(Key.Enter);

        Assert.Contains("Not saved to", ui.ScreenText()); // said in the dialog, which stays open
        Assert.Equal("Save the session elsewhere", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        Assert.Equal("someone else's", File.ReadAllText(taken));
        var free = Path.Combine(_dir, "free.json");
        ui.ReplaceText(free).Press(Key.Enter);
        Assert.Equal(free, ctl.SessionPath);
        Assert.True(File.Exists(free));
    }

    [Fact]
    public void Leaving_the_full_screen_wizard_unsaved_asks_and_saves_to_another_file()
    {
        var failing = new FailingDisk();
        var ctl = Controller(failing.Save);
        var elsewhere = Path.Combine(_dir, "on-the-way-out.json");
        using var ui = TuiHarness.Start(ctl, options: Options());
        failing.Full = true;
        ui.Answer(3).Type("q");

        var question = ui.ScreenText();
        Assert.Contains("Not saved:", question);
        Assert.Contains("Leave unsaved", question);
        ui.Press(Key.Enter); // the default: save as
        ui.ReplaceText(elsewhere).Press(Key.Enter);

        Assert.True(ui.WaitForEnd());
        Assert.False(ui.Window.LeftUnsaved);
        Assert.Equal("sym.power-state-only", SessionStore.Load(elsewhere).State.Current);
    }

    [Fact]
    public void Leaving_unsaved_on_purpose_leaves_the_old_file_as_it_was()
    {
        var failing = new FailingDisk();
        var ctl = Controller(failing.Save);
        Assert.True(ctl.Save());
        using var ui = TuiHarness.Start(ctl, options: Options());
        failing.Full = true;
        ui.Answer(3).Type("q");

        ui.Press(Key.CursorLeft).Press(Key.Enter); // "Leave unsaved", the button before "Save as"

        Assert.True(ui.WaitForEnd());
        Assert.True(ui.Window.LeftUnsaved);
        Assert.Null(ui.Window.RescueReason);
        Assert.Equal("start", SessionStore.Load(ctl.SessionPath).State.Current);
        Assert.Empty(Directory.GetFiles(_dir, "rescue-*"));
    }

    [Fact]
    public void Stay_at_the_unsaved_question_keeps_the_wizard_open()
    {
        var failing = new FailingDisk();
        var ctl = Controller(failing.Save);
        using var ui = TuiHarness.Start(ctl, options: Options());
        failing.Full = true;
        ui.Answer(3).Type("q").Press(Key.Esc);

        Assert.True(ui.WaitUntil(() => ReferenceEquals(ui.App.TopRunnable, ui.Window)));
        Assert.False(ui.Ended);
        Assert.Equal("sym.power-state-only", ctl.Current.Id);
    }

    [Fact]
    public void CtrlC_with_the_disk_full_keeps_the_steps_in_a_rescue_copy()
    {
        var failing = new FailingDisk();
        var rescueDir = Directory.CreateDirectory(Path.Combine(_dir, "rescue")).FullName;
        var ctl = Controller(failing.Save, rescueDir);
        using var ui = TuiHarness.Start(ctl, options: Options());
        failing.Full = true;
        ui.Answer(3);

        ui.Press(Key.C.WithCtrl); // nobody is asked on the way out

        Assert.True(ui.WaitForEnd());
        Assert.Contains("No space left on device", ui.Window.RescueReason);
        Assert.False(ui.Window.RescueFailed);
        var rescue = Assert.Single(Directory.GetFiles(rescueDir, "rescue-*.json"));
        Assert.Equal(rescue, ctl.SessionPath);
        Assert.Equal("sym.power-state-only", SessionStore.Load(rescue).State.Current);
    }

    [Fact]
    public void A_read_only_full_screen_wizard_says_so_writes_nothing_and_offers_save_as_when_leaving()
    {
        var first = Controller();
        first.Fire(Trigger.Choose("power-state-only"));
        var before = File.ReadAllText(first.SessionPath);
        var ctl = new WizardController(first.Content, SessionStore.Load(first.SessionPath), first.SessionPath, new ProbeRunner([]), () => new ProbeContext(), new FixedClock(), readOnly: true);
        using var ui = TuiHarness.Start(ctl, options: Options());

        Assert.Contains("read-only", ui.Screen()[0]);
        Assert.StartsWith("Read-only: nothing is written to", ui.Window.Message);
        ui.Answer(1).Press(Key.CursorLeft);
        ui.Type("q");
        Assert.Contains("keep the steps of this window in a new file", ui.ScreenText());
        ui.Press(Key.Enter); // the default: leave

        Assert.True(ui.WaitForEnd());
        Assert.Equal(before, File.ReadAllText(first.SessionPath));
        Assert.Null(ui.Window.RescueReason);
        Assert.Empty(Directory.GetFiles(_dir, "rescue-*"));
    }

    private TuiOptions Options() => new() { Clipboard = new RecordingClipboard(), CurrentDirectory = _dir };

    [Fact]
    public void Leftover_temp_files_of_an_interrupted_save_are_removed_by_the_next_step()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("2\n", "--plain", "--offline", "--session", file);
        var leftover = AtomicFile.TempPath(run.SessionDir, "s.json", 4_194_000); // above any live PID here
        File.WriteAllText(leftover, "{\"format\":\"oobwizard-sess");

        run.Run("1\n", "--plain", "--resume", file);

        Assert.Equal(0, run.Exit);
        Assert.False(File.Exists(leftover));
    }

    private WizardController Controller(Action<string, Session>? save = null, string? rescueFolder = null)
    {
        var content = ContentLoader.Load(Repo.Content);
        var clock = new FixedClock();
        var session = Session.New(clock, "en", target: null, offline: true);
        return new WizardController(content, session, Path.Combine(_dir, "s.json"), new ProbeRunner([]), () => new ProbeContext(), clock, save: save)
        {
            RescueFolders = rescueFolder is null ? [] : [rescueFolder],
        };
    }

    private sealed class FixedClock : IClock
    {
        public DateTimeOffset Now => new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Stands in for a disk that fills up (the real one is in the tests above; this one runs everywhere).</summary>
    private sealed class FailingDisk
    {
        public bool Full { get; set; }

        public void Save(string path, Session session)
        {
            if (Full && path.EndsWith("s.json", StringComparison.Ordinal))
            {
                throw new IOException($"No space left on device : '{path}'");
            }

            SessionStore.Save(path, session);
        }
    }
}
