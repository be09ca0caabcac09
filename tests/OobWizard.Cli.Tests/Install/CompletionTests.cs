using System.Diagnostics;
using OobWizard.Cli.Install;
using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests.Install;

public sealed class CompletionTests
{
    private static string[] Suggest(string line)
    {
        using var run = new CliRun { Content = null };
        run.Run("", $"[suggest:{line.Length}]", line);
        Assert.Equal(0, run.Exit);
        return run.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Suggest_AnswersCommands_Options_Values_AndTopics()
    {
        Assert.Equal(["check", "checklist"], Suggest("oobwizard che"));
        Assert.Contains("--target", Suggest("oobwizard check --ta"));
        Assert.Equal(["dot", "json", "mermaid"], Suggest("oobwizard graph --format ").Order());
        Assert.Contains("exit-codes", Suggest("oobwizard help "));
        var shells = Suggest("oobwizard completion b");
        Assert.Contains("bash", shells);
        Assert.DoesNotContain("zsh", shells);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("pwsh")]
    public void Completion_PrintsTheScript_ThatAsksThroughSuggest(string shell)
    {
        using var run = new CliRun { Content = null };

        run.Run("", "completion", shell);

        Assert.Equal(0, run.Exit);
        Assert.Equal(CompletionScripts.For(shell), run.Out);
        Assert.Contains("[suggest:", run.Out);
    }

    [Fact]
    public void Completion_UnknownShell_IsAUsageError()
    {
        using var run = new CliRun { Content = null };

        run.Run("", "completion", "fish");

        Assert.Equal(2, run.Exit);
    }

    /// <summary>
    /// The bash script for real: bash sources it, the completion function runs as bash would call it
    /// on Tab, asks the oobwizard executable, and fills COMPREPLY.
    /// </summary>
    [SkippableFact]
    public void BashScript_CompletesThroughTheExecutable()
    {
        Skip.IfNot(File.Exists("/bin/bash") && OperatingSystem.IsLinux(), "needs bash");
        var exe = OobWizardExecutable();
        Skip.If(exe is null, "the oobwizard apphost is not beside the tests");
        var script = Path.Combine(Directory.CreateTempSubdirectory("oobw-compl-").FullName, "c.bash");
        File.WriteAllText(script, CompletionScripts.Bash);

        var output = Bash($$"""
            source '{{script}}'
            COMP_WORDS=('{{exe}}' graph --fo); COMP_CWORD=2
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _oobwizard_complete; printf '%s\n' "${COMPREPLY[@]}"
            echo ---
            COMP_WORDS=('{{exe}}' help exit); COMP_CWORD=2
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _oobwizard_complete; printf '%s\n' "${COMPREPLY[@]}"
            complete -p oobwizard
            """);

        var parts = output.Split("---\n");
        Assert.Equal("--format", parts[0].Trim());
        Assert.StartsWith("exit-codes\n", parts[1]);
        Assert.Contains("complete -o default -F _oobwizard_complete oobwizard", parts[1]);
    }

    private static string? OobWizardExecutable()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "oobwizard");
        return File.Exists(beside) ? beside : null;
    }

    private static string Bash(string script)
    {
        var psi = new ProcessStartInfo("/bin/bash", ["--norc", "--noprofile", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["OOBW_SESSION_DIR"] = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "bash did not finish");
        Assert.True(p.ExitCode == 0, stderr.Result);
        return stdout.Result.ReplaceLineEndings("\n");
    }
}
