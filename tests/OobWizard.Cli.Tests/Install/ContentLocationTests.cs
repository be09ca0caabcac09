using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests.Install;

/// <summary>--content, then OOBW_CONTENT, then the per-user folder, then the built-in content; --version names the one used.</summary>
public sealed class ContentLocationTests : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("oobw-config-").FullName;

    public void Dispose() => Directory.Delete(_config, recursive: true);

    private CliRun NoContentOption()
    {
        var run = new CliRun { Content = null };
        run.Env["XDG_CONFIG_HOME"] = _config;
        run.Env["HOME"] = _config;
        return run;
    }

    [Fact]
    public void WithoutOverrides_TheBuiltInContentIsUsed()
    {
        using var run = NoContentOption();

        run.Run("", "--version");
        Assert.Equal(0, run.Exit);
        Assert.Contains("content: embedded", run.Out);

        run.Run("", "lint");
        Assert.True(run.Exit == 0, run.Out + run.Err);
        Assert.Contains(" 0 errors", run.Out);
    }

    [Fact]
    public void PerUserFolder_OverridesTheBuiltInContent_AndIsLintedBeforeTheWizardStarts()
    {
        var user = Path.Combine(_config, "oobwizard", "content");
        Directory.CreateDirectory(Path.GetDirectoryName(user)!);
        Directory.Move(BrokenContent.CopyOfShipped(Directory.CreateTempSubdirectory("oobw-copy-").FullName), user);
        File.AppendAllText(Path.Combine(user, "tree", "00-start.yaml"), "\n- id: q.orphan\n  kind: question\n  choices:\n    - id: a\n      next: q.nowhere\n");
        using var run = NoContentOption();

        run.Run("", "--version");
        Assert.Contains($"content: folder {user} (from the per-user content folder)", run.Out);

        run.Run("1\n", "--plain", "--offline");
        Assert.Equal(1, run.Exit);
        Assert.Contains("so the wizard does not start", run.Err);
        Assert.Contains(Path.Combine(user, "tree", "00-start.yaml"), run.Err);
    }

    [Fact]
    public void PerUserFolder_WithoutATree_IsOneLineNamingIt()
    {
        Directory.CreateDirectory(Path.Combine(_config, "oobwizard", "content"));
        using var run = NoContentOption();

        run.Run("", "lint");

        Assert.Equal(2, run.Exit);
        Assert.Contains("has no tree/ folder (the per-user content folder overrides", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Fact]
    public void EnvironmentVariable_BeatsThePerUserFolder_AndTheOptionBeatsBoth()
    {
        Directory.CreateDirectory(Path.Combine(_config, "oobwizard", "content"));
        using var run = NoContentOption();
        run.Env["OOBW_CONTENT"] = Repo.Content;

        run.Run("", "--version");
        Assert.Contains($"content: folder {Repo.Content} (from OOBW_CONTENT)", run.Out);

        run.Run("", "--content", "/elsewhere", "--version");
        Assert.Contains("content: folder /elsewhere (from --content)", run.Out);
    }

    [Fact]
    public void Export_WritesTheBuiltInContent_ThatLintsClean_AndRefusesAFolderInTheWay()
    {
        using var run = NoContentOption();

        run.Run("", "content", "export");
        Assert.True(run.Exit == 0, run.Err);
        var user = Path.Combine(_config, "oobwizard", "content");
        Assert.Equal(
            Directory.GetFiles(Repo.Content, "*", SearchOption.AllDirectories).Length - 1, // without README.md
            Directory.GetFiles(user, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Content, "ja", "ui.yaml")), File.ReadAllText(Path.Combine(user, "ja", "ui.yaml")));

        run.Run("", "lint");
        Assert.True(run.Exit == 0, run.Out);

        run.Run("", "content", "export");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--force", run.Err);

        run.Run("", "content", "export", "--force");
        Assert.Equal(0, run.Exit);
    }
}
