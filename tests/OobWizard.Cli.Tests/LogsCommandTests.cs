using System.Text.Json;
using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

public sealed class LogsCommandTests
{
    private static readonly string Amtopmgr = Path.Combine(Repo.Root, "tests", "OobWizard.Cli.Tests", "Logs", "Amtopmgr.log");
    private static readonly string Oobconsole = Path.Combine(Repo.Root, "tests", "OobWizard.Cli.Tests", "Logs", "Oobconsole.log");

    private static List<string> CandidateIds(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    [Fact]
    public void Logs_TheSmsTraceAmtopmgrLog_PointsAtTheHotfixFirst()
    {
        using var run = new CliRun();
        run.Run("", "logs", Amtopmgr, "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["prov.hotfix-942841", "prov.dns-dhcp", "prov.wireless", "prov.inband-client-not-approved"], CandidateIds(run.Out));
        var top = JsonDocument.Parse(run.Out).RootElement.GetProperty("candidates")[0];
        Assert.Equal(2, top.GetProperty("signatures").GetArrayLength());
        var hit = top.GetProperty("hits")[0];
        Assert.Equal(3, hit.GetProperty("line").GetInt32());
        Assert.Equal("SMS_AMT_OPERATION_MANAGER", hit.GetProperty("component").GetString());
        Assert.Equal("error", hit.GetProperty("severity").GetString());
        Assert.Equal("2011-02-22T09:58:13.027-08:00", hit.GetProperty("time").GetString());
    }

    [Fact]
    public void Logs_TheCcmOobconsoleLog_PointsAtTheUnsupportedOs()
    {
        using var run = new CliRun();
        run.Run("", "logs", Oobconsole, "--lang", "en");

        Assert.Equal(0, run.Exit);
        Assert.Contains("console.unsupported-os: 1 of 1 signatures, 1 matching line", run.Out);
        Assert.Contains("Oobconsole.log:2  GetAMTPowerState fail with result:0x80072EE9", run.Out);
        Assert.Contains("Oobconsole.log: 2 entries", run.Out);
    }

    [Fact]
    public void Logs_BothLogs_RankBySignaturesThenTreeOrder_WithLocalisedTitles()
    {
        using var run = new CliRun();
        run.Run("", "logs", Amtopmgr, Oobconsole, "--json", "--lang", "de");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["prov.hotfix-942841", "prov.dns-dhcp", "prov.wireless", "prov.inband-client-not-approved", "console.unsupported-os"], CandidateIds(run.Out));

        run.Run("", "logs", Amtopmgr, Oobconsole, "--lang", "de");
        Assert.Contains("1. Dateien von Hotfix 942841", run.Out);
        Assert.Contains("Amtopmgr.log:3  Error: Device internal error. This may be caused by:", run.Out);
        Assert.Contains("1. SChannel hotfix applied", run.Out);
    }

    [Fact]
    public void Logs_PastedClipboardTextOnStdin_IsMatchedOnTextAlone()
    {
        using var run = new CliRun();
        run.Run("GetAMTPowerState fail with result:0x80072EE9    OOBConsole    2/22/2011 10:12:31 AM    3120 (0x0C30)\n", "logs", "-", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["console.unsupported-os"], CandidateIds(run.Out));
        Assert.Contains("\"file\": \"-\"", run.Out);
    }

    [Fact]
    public void Logs_NothingMatched_ExitsOne()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "Amtopmgr.log");
        File.WriteAllText(file, "All is well  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:03.123+480><thread=2880 (0x0B40)>\r\n");

        run.Run("", "logs", file);

        Assert.Equal(1, run.Exit);
        Assert.Contains("No known log signature matched.", run.Out);
    }

    [Fact]
    public void Logs_AMissingFile_IsAOneLineErrorNamingIt_ExitTwo()
    {
        using var run = new CliRun();
        var missing = Path.Combine(run.SessionDir, "nope", "Amtopmgr.log");

        run.Run("", "logs", Amtopmgr, missing);

        Assert.Equal(2, run.Exit);
        var error = Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(missing, error);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Logs_JsonAndStart_CannotBeCombined()
    {
        using var run = new CliRun();
        run.Run("", "logs", Amtopmgr, "--json", "--start");

        Assert.Equal(2, run.Exit);
    }

    [Fact]
    public void Logs_StartPlain_LandsTheSessionAtTheTopCandidate_AndBackGoesToTheSymptoms()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "triage.json");

        run.Run("", "logs", Amtopmgr, "--start", "--plain", "--lang", "en", "--session", file);

        Assert.Equal(0, run.Exit);
        var session = run.LoadSession(file);
        Assert.Equal("prov.hotfix-942841", session.State.Current);
        Assert.Equal(["start", "prov.hotfix-942841"], session.State.Path);
        Assert.True(session.Offline);
        Assert.Contains(session.History, h => h.Event == "jump:prov.hotfix-942841 -> prov.hotfix-942841");
        Assert.Contains("== OobWizard > Files of hotfix 942841", run.Out);

        run.Run("back\n", "--plain", "--resume", file);
        Assert.Equal("start", run.LoadSession(file).State.Current);
    }
}
