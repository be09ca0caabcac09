using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_ShowsSymptomPathNotesAndTheDiagnosisFix()
    {
        using var run = new CliRun();
        run.Run("power-state-only\nnote <b>customer</b> | pipe\n1\n", "--plain", "--offline", "--lang", "en");

        run.Run("", "report");

        Assert.Equal(0, run.Exit);
        Assert.Contains("- **Symptom:** The console shows only the power state", run.Out);
        Assert.Contains("(`console.power-state-only`)", run.Out);
        Assert.Contains("1. **What is going wrong?**: The console shows only the power state", run.Out);
        Assert.Contains("&lt;b&gt;customer&lt;/b&gt; | pipe", run.Out); // user text cannot become markup
        Assert.Contains("## Fix for the diagnosis", run.Out);
        Assert.Contains("offline (answered by hand)", run.Out);
    }

    [Fact]
    public void Report_InAnotherLanguage_AndAsHtml()
    {
        using var run = new CliRun();
        run.Run("2\n", "--plain", "--offline", "--lang", "en");
        var file = run.OnlySessionFile();
        var before = File.ReadAllText(file);

        run.Run("", "report", file, "--lang", "ja", "--format", "html");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("<!DOCTYPE html>", run.Out);
        Assert.Contains("OobWizard トラブルシューティング レポート", run.Out);
        Assert.Equal(before, File.ReadAllText(file)); // a report never rewrites the session
    }

    [Fact]
    public void Report_OfABrokenFile_IsAOneLineError()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "x.json");
        File.WriteAllText(file, "[1,2");

        run.Run("", "report", file);

        Assert.Equal(2, run.Exit);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(file, run.Err);
    }
}
