using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Cli.Tests;

public sealed class PlainModeTests
{
    [Theory]
    [InlineData("en", "What is going wrong?", "Diagnosis:")]
    [InlineData("de", "Was funktioniert nicht?", "Diagnose:")]
    [InlineData("ja", "どのような問題が起きていますか?", "診断:")]
    public void PipedAnswers_ReachADiagnosis_AndShowIt_InEachLanguage(string lang, string startTitle, string diagnosisWord)
    {
        using var run = new CliRun();
        // power-state-only -> offline manual question "only the power state" -> console.power-state-only
        run.Run("power-state-only\n1\n", "--plain", "--offline", "--lang", lang);

        Assert.Equal(0, run.Exit);
        Assert.Contains(startTitle, run.Out);
        Assert.Contains(diagnosisWord, run.Out);
        Assert.DoesNotContain("\u001b[", run.Out); // no ANSI in plain mode
        var session = run.LoadSession();
        Assert.Equal("console.power-state-only", session.State.Current);
        Assert.Equal(lang, session.Language);
    }

    [Fact]
    public void EndOfInput_SavesTheSession_AndSaysHowToResume()
    {
        using var run = new CliRun();
        run.Run("1\n", "--plain", "--offline", "--lang", "en");

        Assert.Equal(0, run.Exit);
        var file = run.OnlySessionFile();
        Assert.Contains("--resume " + file, run.Out);
        Assert.Equal("sym.cannot-provision", run.LoadSession().State.Current);
    }

    [Fact]
    public void Back_ReturnsAlongThePathTaken()
    {
        using var run = new CliRun();
        run.Run("1\nback\n", "--plain", "--offline", "--lang", "en");

        var session = run.LoadSession();
        Assert.Equal(Node.StartId, session.State.Current);
        Assert.Empty(session.State.Steps);
    }

    [Fact]
    public void AnUnknownAnswer_IsExplained_AndTheWizardStaysPut()
    {
        using var run = new CliRun();
        run.Run("42\nfoo\n", "--plain", "--offline", "--lang", "en");

        Assert.Contains("'42' is not one of the answers", run.Out);
        Assert.Contains("'foo' is not one of the answers", run.Out);
        Assert.Equal(Node.StartId, run.LoadSession().State.Current);
    }

    [Fact]
    public void Lang_SwitchesTheLanguageMidWalk_AndIsSaved()
    {
        using var run = new CliRun();
        run.Run("lang de\n", "--plain", "--offline", "--lang", "en");

        Assert.Contains("Was funktioniert nicht?", run.Out);
        Assert.Equal("de", run.LoadSession().Language);
    }

    [Fact]
    public void Notes_AreKeptInTheSession()
    {
        using var run = new CliRun();
        run.Run("note customer says it broke after the BIOS update\nquit\n", "--plain", "--offline", "--lang", "en");

        var note = Assert.Single(run.LoadSession().Notes);
        Assert.Equal("customer says it broke after the BIOS update", note.Text);
        Assert.Equal(Node.StartId, note.Node);
    }

    [Fact]
    public void Restart_GoesBackToTheSymptomMenu()
    {
        using var run = new CliRun();
        run.Run("2\n1\nrestart\n", "--plain", "--offline", "--lang", "en");

        Assert.Equal(Node.StartId, run.LoadSession().State.Current);
        Assert.Contains(run.LoadSession().History, h => h.Event.StartsWith("restart", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutATerminal_TheWizardFallsBackToPlainMode()
    {
        using var run = new CliRun();
        run.Run("", "--offline", "--lang", "en");

        Assert.Equal(0, run.Exit);
        Assert.Contains("using --plain", run.Err);
        Assert.Contains("What is going wrong?", run.Out);
    }
}
