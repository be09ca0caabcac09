using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

public sealed class SessionCommandTests
{
    [Fact]
    public void Resume_ContinuesExactlyWhereTheLastRunStopped()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "walk.json");
        run.Run("power-state-only\n", "--plain", "--offline", "--lang", "de", "--session", file);
        Assert.Equal("sym.power-state-only", run.LoadSession(file).State.Current);

        run.Run("1\n", "--plain", "--resume", file);

        Assert.Equal(0, run.Exit);
        var session = run.LoadSession(file);
        Assert.Equal("console.power-state-only", session.State.Current);
        Assert.Equal(["start", "sym.power-state-only", "console.power-state-only"], session.State.Path);
        Assert.Equal("de", session.Language); // the language of the saved session, not the environment's
        Assert.Contains(session.History, h => h.Event == "resume");
    }

    [Fact]
    public void Resume_WithoutAFile_TakesTheLatestSession()
    {
        using var run = new CliRun();
        run.Run("2\n", "--plain", "--offline", "--lang", "en");
        run.Run("", "--plain", "--resume");

        Assert.Equal(0, run.Exit);
        Assert.Contains("== OobWizard > What does the out of band management console do? ==", run.Out);
    }

    [Fact]
    public void ACorruptSessionFile_GivesAOneLineError_AndIsNotTouched()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "broken.json");
        File.WriteAllText(file, "{\n  \"format\": \"oobwizard-session\",\n  \"current\": ");
        var before = File.ReadAllBytes(file);

        run.Run("1\n", "--plain", "--resume", file);

        Assert.Equal(2, run.Exit);
        var error = Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(file, error);
        Assert.DoesNotContain("   at ", run.Err); // no stack trace
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void AForeignFile_IsNeverOverwritten_ByANewSession()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "notes.json");
        File.WriteAllText(file, "{\"shopping\": [\"milk\"]}");

        run.Run("1\n", "--plain", "--offline", "--session", file);

        Assert.Equal(2, run.Exit);
        Assert.Contains("not an OobWizard session", run.Err);
        Assert.Equal("{\"shopping\": [\"milk\"]}", File.ReadAllText(file));
    }

    [Fact]
    public void ASavedSession_IsNotReplacedByANewOne_TheUserIsToldToResume()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("2\n", "--plain", "--offline", "--session", file);
        var before = File.ReadAllText(file);

        run.Run("1\n", "--plain", "--offline", "--session", file);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--resume " + file, run.Err);
        Assert.Equal(before, File.ReadAllText(file));
    }

    [Fact]
    public void ASessionAtANodeTheContentNoLongerHas_IsRefusedAndKept()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "old.json");
        run.Run("2\n", "--plain", "--offline", "--session", file);
        File.WriteAllText(file, File.ReadAllText(file).Replace("sym.console-cannot-connect", "sym.gone", StringComparison.Ordinal));
        var before = File.ReadAllText(file);

        run.Run("", "--plain", "--resume", file);

        Assert.Equal(2, run.Exit);
        Assert.Contains("sym.gone", run.Err);
        Assert.Equal(before, File.ReadAllText(file));
    }

    [Fact]
    public void TheSessionFile_HoldsCurrentAndPath_AndNoSecret()
    {
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = "S3cret!Amt";
        run.Run("1\n", "--plain", "--offline");

        var json = File.ReadAllText(run.OnlySessionFile());
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("sym.cannot-provision", doc.RootElement.GetProperty("current").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("path").GetArrayLength());
        Assert.DoesNotContain("S3cret", json);
    }
}
