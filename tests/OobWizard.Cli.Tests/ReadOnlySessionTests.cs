using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

/// <summary>A session made read-only (chmod 444) is never silently replaced.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlySessionTests
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public void Resume_refuses_to_write_a_read_only_session_and_says_why()
    {
        using var run = new CliRun();
        var file = Saved(run);
        var before = File.ReadAllBytes(file);

        run.Run("1\n", "--plain", "--resume", file);

        Assert.Equal(2, run.Exit);
        Assert.Contains("read-only (mode 0444)", run.Err);
        Assert.Contains("--read-only", run.Err);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal(ReadOnly, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Read_only_mode_continues_the_session_and_writes_nothing()
    {
        using var run = new CliRun();
        var file = Saved(run);
        var before = File.ReadAllBytes(file);

        run.Run("1\n", "--plain", "--resume", file, "--read-only");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Read-only: nothing is written to " + file, run.Out);
        Assert.Contains("Diagnosis:", run.Out); // the walk went on
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Single(Directory.GetFiles(run.SessionDir));
    }

    [Fact]
    public void The_continuation_can_go_to_a_new_file_and_the_old_one_stays()
    {
        using var run = new CliRun();
        var file = Saved(run);
        var before = File.ReadAllBytes(file);
        var next = Path.Combine(run.SessionDir, "continued.json");

        run.Run("1\n", "--plain", "--resume", file, "--session", next);

        Assert.Equal(0, run.Exit);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal("console.power-state-only", run.LoadSession(next).State.Current);
    }

    [Fact]
    public void A_read_only_session_can_be_saved_elsewhere_from_inside_the_wizard()
    {
        using var run = new CliRun();
        var file = Saved(run);
        var copy = Path.Combine(run.SessionDir, "copy.json");

        run.Run($"save {copy}\n1\n", "--plain", "--resume", file, "--read-only");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Session saved to " + copy, run.Out);
        Assert.Equal("console.power-state-only", run.LoadSession(copy).State.Current);
    }

    [Fact]
    public void A_session_turned_read_only_mid_walk_is_not_replaced_and_the_user_is_told_once()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "s.json");
        var input = new ScriptedInput()
            .Line("power-state-only")
            .Line("1", before: () => File.SetUnixFileMode(file, ReadOnly))
            .Line("back");

        run.Run(input, "--plain", "--offline", "--lang", "en", "--session", file);

        Assert.Equal("sym.power-state-only", run.LoadSession(file).State.Current); // the last step saved before chmod
        var text = run.Out.ReplaceLineEndings(" ");
        // Said after the step that failed (not again after "back"), and once more when input ends.
        Assert.Equal(2, text.Split("! Not saved:").Length - 1);
        Assert.Contains("is read-only (mode 0444); it was not replaced", text);
        Assert.Contains("type: save FILE", text);
        Assert.Contains("The session was saved to ", text); // end of input: a rescue copy instead of lost steps
        var rescue = Assert.Single(Directory.GetFiles(run.SessionDir, "rescue-*.json"));
        var rescued = run.LoadSession(rescue);
        Assert.Contains(rescued.History, h => h.Event == "choice:power-only -> console.power-state-only");
        Assert.Contains(rescued.History, h => h.Event == "back -> sym.power-state-only"); // every step, also those after the failure
        Assert.Equal(1, run.Exit);
        Assert.DoesNotContain("   at ", run.Out + run.Err);
    }

    private static string Saved(CliRun run)
    {
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("power-state-only\n", "--plain", "--offline", "--lang", "en", "--session", file);
        Assert.Equal(0, run.Exit);
        File.SetUnixFileMode(file, ReadOnly);
        return file;
    }
}
