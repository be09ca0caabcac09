using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;
using OobWizard.Core.Sessions;
using OobWizard.Probes;
using OobWizard.Tests.Shared;

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
    public async Task The_full_screen_wizard_says_it_in_the_footer_and_s_saves_elsewhere()
    {
        var failing = new FailingDisk();
        var ctl = Controller(failing.Save);
        var console = new ClosingTerminalConsole(80, 24);
        var elsewhere = Path.Combine(_dir, "elsewhere.json");
        console.Keys.Push('3'); // a symptom: the save fails
        console.Keys.Push('s');
        foreach (var ch in elsewhere)
        {
            console.Keys.Push(ch);
        }

        console.Keys.Push(ConsoleKey.Enter, '\r').Push('q');
        failing.Full = true;

        Assert.Equal(0, await new InteractiveFrontEnd(ctl, console).RunAsync(CancellationToken.None));

        Assert.Contains("Not saved:", console.Output);
        Assert.Equal("sym.power-state-only", SessionStore.Load(elsewhere).State.Current);
        Assert.DoesNotContain("   at ", console.Output);
    }

    [Fact]
    public async Task Leaving_the_full_screen_wizard_unsaved_asks_for_another_file()
    {
        var failing = new FailingDisk();
        var ctl = Controller(failing.Save);
        var console = new ClosingTerminalConsole(80, 24);
        var elsewhere = Path.Combine(_dir, "on-the-way-out.json");
        console.Keys.Push('3').Push('q');
        foreach (var ch in elsewhere)
        {
            console.Keys.Push(ch);
        }

        console.Keys.Push(ConsoleKey.Enter, '\r');
        failing.Full = true;

        Assert.Equal(0, await new InteractiveFrontEnd(ctl, console).RunAsync(CancellationToken.None));

        Assert.Equal("sym.power-state-only", SessionStore.Load(elsewhere).State.Current);
    }

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

    private WizardController Controller(Action<string, Session>? save = null)
    {
        var content = ContentLoader.Load(Repo.Content);
        var clock = new FixedClock();
        var session = Session.New(clock, "en", target: null, offline: true);
        return new WizardController(content, session, Path.Combine(_dir, "s.json"), new ProbeRunner([]), () => new ProbeContext(), clock, save: save);
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
