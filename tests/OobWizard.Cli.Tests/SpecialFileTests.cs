using OobWizard.Cli.Tests.Support;
using OobWizard.Tests.Shared;

namespace OobWizard.Cli.Tests;

/// <summary>
/// Special files where a file belongs (a FIFO, /dev/zero, a link to it): refused in one line before
/// anything is opened, so nothing blocks for a writer and nothing reads gigabytes of zeros.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-special-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Places => new()
    {
        { "resume", "device" }, { "resume", "fifo" },
        { "session", "device" }, { "session", "fifo" },
        { "report", "device" }, { "report", "fifo" },
        { "ca-file", "device" }, { "ca-file", "fifo" },
        { "root-ca", "device" }, { "root-ca", "fifo" },
        { "logs", "device" }, { "logs", "fifo" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void A_special_file_is_refused_in_one_line_before_it_is_opened(string place, string kind)
    {
        var special = kind == "fifo" ? SpecialFiles.Fifo(Path.Combine(_dir, "x.json")) : "/dev/zero";
        string[] args = place switch
        {
            "resume" => ["--plain", "--resume", special],
            "session" => ["--plain", "--offline", "--session", special],
            "report" => ["report", special],
            "ca-file" => ["check", "--target", "127.0.0.1", "--ca-file", special],
            "root-ca" => ["check", "--target", "127.0.0.1", "--root-ca", special],
            _ => ["logs", special],
        };
        using var run = new CliRun();

        var finished = Guarded(special, () => run.Run("1\n", args));

        Assert.True(finished, $"{place} blocked on {special}");
        Assert.Equal(2, run.Exit);
        var line = Assert.Single(run.Err.Trim().Split('\n'), l => !l.StartsWith("Try ", StringComparison.Ordinal));
        Assert.Contains(special, line);
        Assert.Contains(kind == "fifo" ? "FIFO" : "character device", line);
    }

    [Fact]
    public void Logs_from_stdin_stay_allowed()
    {
        using var run = new CliRun();

        run.Run("[12/10/2009 10:03:25 AM] nothing to see here\n", "logs", "-");

        Assert.Equal(1, run.Exit); // read, nothing matched
        Assert.Contains("stdin: 1 line", run.Out);
    }

    [Fact]
    public void A_content_page_linked_to_dev_zero_is_a_lint_error_and_the_wizard_does_not_start()
    {
        var content = BrokenContent.CopyOfShipped(_dir);
        var page = Path.Combine(content, "en", "sym.cannot-provision.md");
        File.Delete(page);
        SpecialFiles.LinkToDevZero(page);
        using var run = new CliRun { Content = content };

        run.Run("", "lint");
        Assert.Equal(1, run.Exit);
        Assert.Contains("sym.cannot-provision.md is a character device, not a regular file", run.Out);

        run.Run("1\n", "--plain", "--offline");
        Assert.Equal(1, run.Exit);
        Assert.Contains("so the wizard does not start", run.Err);
    }

    [Fact]
    public void A_content_fifo_does_not_block_lint()
    {
        var content = BrokenContent.CopyOfShipped(_dir);
        var fifo = SpecialFiles.Fifo(Path.Combine(content, "tree", "90-pipe.yaml"));
        using var run = new CliRun { Content = content };

        var finished = Guarded(fifo, () => run.Run("", "lint"));

        Assert.True(finished, "lint blocked on a FIFO in tree/");
        Assert.Equal(1, run.Exit);
        Assert.Contains("90-pipe.yaml is a FIFO (named pipe), not a regular file", run.Out);
    }

    /// <summary>Runs <paramref name="action"/>; if it is still blocked on the FIFO after a generous while, unblocks it (a writer opens and closes) and says so.</summary>
    private static bool Guarded(string special, Action action)
    {
        var task = Task.Run(action);
        if (task.Wait(TimeSpan.FromMinutes(2)))
        {
            return true;
        }

        if (special != "/dev/zero")
        {
            using (new FileStream(special, FileMode.Open, FileAccess.Write))
            {
            }
        }

        return false;
    }
}
