using OobWizard.Cli.Tests.Support;
using OobWizard.Tests.Shared;

namespace OobWizard.Cli.Tests;

/// <summary>One bad file in the sessions folder never hides the good ones from --resume and report.</summary>
public sealed class SessionFolderTests
{
    public static TheoryData<string> BadFiles => new() { "garbage", "damaged", "unreadable", "fifo", "device" };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void An_unreadable_newest_file_is_skipped_with_a_warning_by_resume_and_report(string kind)
    {
        using var run = new CliRun();
        run.Run("power-state-only\n", "--plain", "--offline", "--lang", "en");
        var good = run.OnlySessionFile();
        // Older than anything, /dev/zero (the device case's link target) included.
        File.SetLastWriteTimeUtc(good, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var bad = MakeBad(kind, Path.Combine(run.SessionDir, "zz-newest.json"));

        run.Run("", "report");
        Assert.Equal(0, run.Exit);
        Assert.Contains("# OobWizard troubleshooting report", run.Out);
        Assert.Contains("warning: skipped " + bad, run.Err);

        run.Run("1\n", "--plain", "--resume");
        Assert.Equal(0, run.Exit);
        Assert.Contains("warning: skipped " + bad, run.Err);
        Assert.Equal("console.power-state-only", run.LoadSession(good).State.Current);
    }

    [Fact]
    public void When_no_file_loads_resume_says_there_is_no_session_after_the_warnings()
    {
        using var run = new CliRun();
        MakeBad("garbage", Path.Combine(run.SessionDir, "a.json"));

        run.Run("", "--plain", "--resume");

        Assert.Equal(2, run.Exit);
        Assert.Contains("warning: skipped", run.Err);
        Assert.Contains("no saved session in", run.Err);
    }

    private static string MakeBad(string kind, string path)
    {
        switch (kind)
        {
            case "garbage":
                File.WriteAllText(path, "not json at all");
                break;
            case "damaged":
                File.WriteAllText(path, "{\"format\":\"oobwizard-session\",\"version\":1,\"steps\":null}");
                break;
            case "unreadable":
                // Root reads any file, so a mode of 000 is not enough here: a link into nowhere is unreadable for everyone.
                File.CreateSymbolicLink(path, "/nonexistent/oobwizard/session.json");
                break;
            case "fifo":
                SpecialFiles.Fifo(path);
                break;
            case "device":
                SpecialFiles.LinkToDevZero(path);
                break;
        }

        return path;
    }
}
