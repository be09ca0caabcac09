using OobWizard.Cli.Tests.Support;
using OobWizard.Tests.Shared;

namespace OobWizard.Cli.Tests;

/// <summary>No command writes over a session, nor over any existing file without --force, nor half a file.</summary>
public sealed class OutputFileTests
{
    [Fact]
    public void Report_onto_its_own_session_is_refused_even_with_force()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("2\n", "--plain", "--offline", "--session", file);
        var before = File.ReadAllBytes(file);

        run.Run("", "report", file, "-o", file);
        Assert.Equal(2, run.Exit);
        Assert.Contains("is a saved session; it is never overwritten", run.Err);

        run.Run("", "report", file, "-o", file, "--force");
        Assert.Equal(2, run.Exit);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void Checklist_onto_a_session_is_refused_even_with_force()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("2\n", "--plain", "--offline", "--session", file);
        var before = File.ReadAllBytes(file);

        run.Run("", "checklist", "--symptom", "cannot-provision", "-o", file, "--force");

        Assert.Equal(2, run.Exit);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.NotNull(run.LoadSession(file));
    }

    [Theory]
    [InlineData("checklist", "--symptom", "cannot-provision")]
    [InlineData("report", null, null)]
    public void An_existing_file_is_replaced_only_with_force(string command, string? option, string? value)
    {
        using var run = new CliRun();
        run.Run("2\n", "--plain", "--offline");
        var output = Path.Combine(run.SessionDir, "out.md");
        File.WriteAllText(output, "my notes");
        string[] args = option is null ? [command, "-o", output] : [command, option, value!, "-o", output];

        run.Run("", args);
        Assert.Equal(2, run.Exit);
        Assert.Contains("already exists; pass --force to replace it", run.Err);
        Assert.Equal("my notes", File.ReadAllText(output));

        run.Run("", [.. args, "--force"]);
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("# ", File.ReadAllText(output));
        Assert.DoesNotContain(Directory.GetFiles(run.SessionDir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Lab_root_ca_is_not_written_over_an_existing_file()
    {
        using var run = new CliRun();
        var output = Path.Combine(run.SessionDir, "root.pem");
        File.WriteAllText(output, "someone's certificate");

        run.Run("", "lab", "serve", "--write-root-ca", output, "--address", "127.77.9.1", "--port", "1");

        Assert.Equal(2, run.Exit);
        Assert.Contains("already exists; pass --force to replace it", run.Err);
        Assert.Equal("someone's certificate", File.ReadAllText(output));
    }

    [SkippableFact]
    public void A_report_that_does_not_fit_on_the_disk_leaves_no_half_file()
    {
        using var disk = ScratchMount.TryCreate(64, out var whyNot);
        Skip.If(disk is null, whyNot);
        using var run = new CliRun();
        run.Run("2\n", "--plain", "--offline");
        disk!.Fill();
        var output = Path.Combine(disk.Path, "report.md");

        run.Run("", "report", "-o", output);

        Assert.Equal(1, run.Exit);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains("cannot write it", run.Err);
        Assert.False(File.Exists(output));
        Assert.DoesNotContain(Directory.GetFiles(disk.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "report")]
    [InlineData("de", "report")]
    [InlineData("ja", "report")]
    [InlineData("de", "checklist")]
    [InlineData("ja", "lab")]
    [InlineData("en", "lab")]
    public void An_output_into_a_folder_that_does_not_exist_says_so_in_the_language(string lang, string command)
    {
        using var run = new CliRun();
        run.Run("2\n", "--plain", "--offline");
        var missing = Path.Combine(run.SessionDir, "nodir");
        var output = Path.Combine(missing, "x.md");
        string[] args = command switch
        {
            "report" => ["report", "-o", output],
            "checklist" => ["checklist", "--symptom", "cannot-provision", "-o", output],
            _ => ["lab", "serve", "--fleet", "2", "--write-targets", output],
        };

        run.Run("", ["--lang", lang, .. args]);

        var said = Messages.Load(new Core.Content.FolderContentSource(Repo.Content), lang).Format("file.refused.no-folder", missing);
        Assert.True(run.Exit == 2, run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(said, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }
}
