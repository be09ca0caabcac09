using System.Text.Json;
using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

public sealed class LogsCommandTests
{
    private static readonly string LogsDir = Path.Combine(Repo.Root, "tests", "OobWizard.Cli.Tests", "Logs");
    private static readonly string Amtopmgr = Path.Combine(LogsDir, "Amtopmgr.log");
    private static readonly string Oobconsole = Path.Combine(LogsDir, "Oobconsole.log");
    private static readonly string Field = Path.Combine(LogsDir, "field");

    private static List<string> CandidateIds(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Logs_TheSmsTraceAmtopmgrLog_ListsTheSharedMessagesWithTheirCandidates_NotOneCauseOfThem()
    {
        using var run = new CliRun();
        run.Run("", "logs", Amtopmgr, "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["p.prov.die-link", "q.prov.tls", "prov.inband-client-not-approved"], CandidateIds(run.Out));
        var die = Json(run.Out).GetProperty("candidates")[0];
        Assert.Equal("shared-message", die.GetProperty("kind").GetString());
        var causes = die.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains("prov.hotfix-942841", causes);
        Assert.Contains("prov.dns-dhcp", causes);
        Assert.Contains("prov.wireless", causes);
        Assert.Contains("prov.amt-self-signed-cert", causes);
        Assert.Contains("prov.amt-not-ready-pki", causes);
        var hit = die.GetProperty("hits")[0];
        Assert.Equal(3, hit.GetProperty("line").GetInt32());
        Assert.Equal("SMS_AMT_OPERATION_MANAGER", hit.GetProperty("component").GetString());
        Assert.Equal("2011-02-22T09:58:13.027-08:00", hit.GetProperty("time").GetString());
        // The TLS handshake line in the service point's log is found too (it was missed when only Amtproxymgr.log counted).
        var tls = Json(run.Out).GetProperty("candidates")[1];
        Assert.Equal(2, tls.GetProperty("hits")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Logs_TheCcmOobconsoleLog_PointsAtTheUnsupportedOs_AndSaysHowItReadTheFile()
    {
        using var run = new CliRun();
        run.Run("", "logs", Oobconsole, "--lang", "en");

        Assert.Equal(0, run.Exit);
        Assert.Contains("console.unsupported-os: 1 of 2 signatures, 1 matching line", run.Out);
        Assert.Contains("Oobconsole.log:2  GetAMTPowerState fail with result:0x80072EE9", run.Out);
        Assert.Contains("Oobconsole.log: 2 lines, read as Oobconsole.log (its lines' component OOBConsole)", run.Out);
    }

    [Fact]
    public void Logs_ASharedMessage_ListsItsCauses_WithLocalisedTitles()
    {
        using var run = new CliRun();
        run.Run("", "logs", Amtopmgr, Oobconsole, "--lang", "de");

        Assert.Equal(0, run.Exit);
        Assert.Contains("1. \"Error: Device internal error.\" ist eine Meldung mit mehreren möglichen Ursachen:", run.Out);
        Assert.Contains("   - Dateien von Hotfix 942841 auf dem Dienstpunkt wurden überschrieben (prov.hotfix-942841)", run.Out);
        Assert.Contains("p.prov.die-link fragt, welche zutrifft:", run.Out);
        Assert.Contains("Amtopmgr.log:3  Error: Device internal error. This may be caused by:", run.Out); // the log line as it is
        Assert.Contains("Den Assistenten bei der Frage starten, die diese Ursachen unterscheidet (p.prov.die-link): --start anhängen", run.Out);
    }

    [Fact]
    public void Logs_AConsoleLogUnderAnotherName_IsReadByItsContent_AsTheSameLogUnderItsOwnName()
    {
        using var run = new CliRun();
        var renamed = Path.Combine(Field, "PC01_Oobconsole (1).log");
        var asNamed = Path.Combine(run.SessionDir, "Oobconsole.log");
        var anonymous = Path.Combine(run.SessionDir, "attachment-1.dat");
        File.Copy(renamed, asNamed);
        File.Copy(renamed, anonymous);

        var results = new[] { renamed, asNamed, anonymous }.Select(f =>
        {
            run.Run("", "logs", f, "--json");
            Assert.Equal(0, run.Exit);
            var c = Json(run.Out).GetProperty("candidates")[0];
            return (Id: c.GetProperty("id").GetString(), Line: c.GetProperty("hits")[0].GetProperty("line").GetInt32(), Message: c.GetProperty("hits")[0].GetProperty("message").GetString(),
                By: Json(run.Out).GetProperty("inputs")[0].GetProperty("by").GetString());
        }).ToList();

        Assert.All(results, r => Assert.Equal(("console.no-host-record", 2, "GetAMTPowerState fail with result: 0x800703E3", "component"), r));
    }

    [Theory]
    [InlineData("amtopmgr-from-ticket-4711.txt")]
    [InlineData("notes.txt")]
    public void Logs_PastedAmtopmgrLines_NameTheRedirectionCause_WhateverTheFileIsCalled(string name)
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, name);
        File.Copy(Path.Combine(Field, "amtopmgr-from-ticket-4711.txt"), file);

        run.Run("", "logs", file, "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["console.redirection-disabled"], CandidateIds(run.Out));
        var input = Json(run.Out).GetProperty("inputs")[0];
        Assert.Equal("Amtopmgr.log", input.GetProperty("log").GetString());
        Assert.Equal("SMS_AMT_OPERATION_MANAGER", input.GetProperty("component").GetString());
    }

    [Theory]
    [InlineData("hash-not-in-amt__activation.txt", "prov.cert-hash-missing")]
    [InlineData("already-provisioned__activation.txt", "prov.other-management-solution")]
    [InlineData("no-trusted-dns-suffix__activation.txt", "prov.dns-dhcp")]
    public void Logs_AProvisioningToolsOutput_NamesItsCause(string file, string diagnosis)
    {
        using var run = new CliRun();
        run.Run("", "logs", Path.Combine(Field, file), "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal([diagnosis], CandidateIds(run.Out));
    }

    [Fact]
    public void Logs_Json_KeepsTheHintsTheTextGives()
    {
        using var run = new CliRun();
        run.Run("", "logs", Amtopmgr, "--lang", "en");
        var text = run.Out;
        run.Run("", "logs", Amtopmgr, "--json", "--lang", "en");
        var json = Json(run.Out);

        var hints = json.GetProperty("hints").EnumerateArray().Select(h => h.GetString()!).ToList();
        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.Contains(h, text));
        Assert.Equal("p.prov.die-link", json.GetProperty("start").GetString());
        var read = json.GetProperty("inputs")[0].GetProperty("read").GetString()!;
        Assert.Contains(read, text);
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
    public void Logs_AFolder_IsSearchedForLogsByNameAndContent_DownToTheDepthLimit_AndUnreadableFilesAreReported()
    {
        using var run = new CliRun();
        var root = Path.Combine(run.SessionDir, "ticket");
        var deep = Path.Combine(root, "server", "logs");
        Directory.CreateDirectory(deep);
        File.Copy(Oobconsole, Path.Combine(root, "Oobconsole.lo_"));
        File.Copy(Path.Combine(Field, "amtopmgr-from-ticket-4711.txt"), Path.Combine(deep, "copy.txt"));
        File.WriteAllText(Path.Combine(root, "readme.txt"), "Ticket 4711: the customer's logs.\n");
        File.WriteAllBytes(Path.Combine(root, "screenshot.png"), [0x89, 0x50, 0x4E, 0x47]);
        File.CreateSymbolicLink(Path.Combine(root, "Amtproxymgr.log"), Path.Combine(root, "gone", "Amtproxymgr.log"));

        run.Run("", "logs", root, "--json");

        Assert.Equal(0, run.Exit);
        var json = Json(run.Out);
        Assert.Equal(new[] { "console.redirection-disabled", "console.unsupported-os" }, CandidateIds(run.Out).Order());
        var files = json.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("file").GetString()).ToList();
        Assert.Equal(["Oobconsole.lo_", Path.Combine("server", "logs", "copy.txt")], files);
        var notes = json.GetProperty("notes").EnumerateArray().Select(n => (n.GetProperty("kind").GetString(), n.GetProperty("path").GetString())).ToList();
        Assert.Contains(("unreadable", Path.Combine(root, "Amtproxymgr.log")), notes);
        Assert.Contains(("skipped", root), notes); // readme.txt and the picture are no logs

        run.Run("", "logs", root, "--depth", "1", "--json");
        Assert.Equal(["console.unsupported-os"], CandidateIds(run.Out));
        Assert.Contains(Json(run.Out).GetProperty("notes").EnumerateArray(), n => n.GetProperty("path").GetString() == Path.Combine(root, "server", "logs")
            && n.GetProperty("reason").GetString()!.Contains("deeper than 1 folder levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_NothingMatched_ShowsTheRankedErrorLines_AndASymptomToStartFrom_ExitOne()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "Amtopmgr.log");
        File.WriteAllText(file,
            "All is well  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:03.123+480><thread=2880 (0x0B40)>\r\n" +
            "Warning: the AMT device pc001.corp.example.com did not answer in time  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:04.123+480><thread=2880 (0x0B40)>\r\n" +
            "Error: failed to read the audit log of pc002.corp.example.com, result 0x80070005  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:05.123+480><thread=2880 (0x0B40)>\r\n" +
            "Error: failed to read the audit log of pc003.corp.example.com, result 0x80070005  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:06.123+480><thread=2880 (0x0B40)>\r\n");

        run.Run("", "logs", file, "--lang", "en");

        Assert.Equal(1, run.Exit);
        Assert.Contains("No known log signature matched.", run.Out);
        Assert.Contains("The error and warning lines found, most telling first:", run.Out);
        var first = run.Out.IndexOf("Amtopmgr.log:3  Error: failed to read the audit log", StringComparison.Ordinal);
        var second = run.Out.IndexOf("Amtopmgr.log:2  Warning:", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, run.Out);
        Assert.Contains("(×2)", run.Out);
        Assert.Contains("Suggested symptom to start from: AMT computers cannot be provisioned (cannot-provision); open the wizard there: add --start", run.Out);

        run.Run("", "logs", file, "--json");
        var json = Json(run.Out);
        Assert.Equal("cannot-provision", json.GetProperty("suggestedSymptom").GetString());
        Assert.Equal("sym.cannot-provision", json.GetProperty("start").GetString());
        Assert.Equal(3, json.GetProperty("errorLines")[0].GetProperty("line").GetInt32());
        Assert.Equal(["0x80070005"], json.GetProperty("errorLines")[0].GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Logs_AWsmanClientThatCouldNotConnect_SuggestsTheConsoleConnectionSymptom()
    {
        // The TLS-only field case: no signature is that client's, but its error names the way in.
        using var run = new CliRun();

        run.Run("", "logs", Path.Combine(Field, "tls-only__wsman-identify.txt"), "--json");

        Assert.Equal(1, run.Exit);
        var json = Json(run.Out);
        Assert.Equal("console-cannot-connect", json.GetProperty("suggestedSymptom").GetString());
        Assert.Equal("sym.console-cannot-connect", json.GetProperty("start").GetString());
    }

    [Fact]
    public void Logs_NothingMatched_StartOpensTheSuggestedSymptom()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "console.log");
        File.WriteAllText(file, "<![LOG[Serial over LAN session failed to open]LOG]!><time=\"10:12:01.100+480\" date=\"02-22-2011\" component=\"OOBConsole\" context=\"\" type=\"3\" thread=\"3120\" file=\"\">\r\n");
        var session = Path.Combine(run.SessionDir, "triage.json");

        run.Run("", "logs", file, "--start", "--plain", "--lang", "en", "--session", session);

        Assert.Equal("sym.redirection-fails", run.LoadSession(session).State.Current);
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
    public void Logs_JsonAndStart_CannotBeCombined_NorANegativeDepth()
    {
        using var run = new CliRun();
        run.Run("", "logs", Amtopmgr, "--json", "--start");
        Assert.Equal(2, run.Exit);

        run.Run("", "logs", Amtopmgr, "--depth", "-1");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--depth -1", run.Err);
    }

    [Fact]
    public void Logs_StartPlain_OnASharedMessage_OpensTheQuestionThatSeparatesItsCauses_AndBackGoesToTheSymptoms()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "triage.json");

        run.Run("", "logs", Amtopmgr, "--start", "--plain", "--lang", "en", "--session", file);

        Assert.Equal(0, run.Exit);
        var session = run.LoadSession(file);
        Assert.Equal("p.prov.die-link", session.State.Current);
        Assert.Equal(["start", "p.prov.die-link"], session.State.Path);
        Assert.True(session.Offline);
        Assert.Contains("== OobWizard > Is the AMT computer on a cable while it is provisioned?", run.Out);

        run.Run("back\n", "--plain", "--resume", file);
        Assert.Equal("start", run.LoadSession(file).State.Current);
    }

    [Fact]
    public void Logs_StartPlain_OnOneCause_OpensItsDiagnosis()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "triage.json");

        run.Run("", "logs", Path.Combine(Field, "PC01_Oobconsole (1).log"), "--start", "--plain", "--lang", "ja", "--session", file);

        Assert.Equal(0, run.Exit);
        Assert.Equal("console.no-host-record", run.LoadSession(file).State.Current);
    }
}
