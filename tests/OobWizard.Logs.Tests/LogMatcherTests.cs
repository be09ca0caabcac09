namespace OobWizard.Logs.Tests;

public sealed class LogMatcherTests
{
    // "Error: Device internal error." as the tree has it: a shared message on the question that
    // separates its causes, one cause with a specific line of its own.
    private static readonly string[] DieCandidates = ["prov.hotfix-942841", "prov.dns-dhcp"];

    private static readonly LogSignature[] DeviceInternalError =
    [
        new("p.prov.die-link", "Amtopmgr.log", "Error: Device internal error.", 10) { Candidates = DieCandidates },
        new("p.prov.die-link", "Amtopmgr.log", "Schannel hotfix applied that can send our root certificate in provisioning certificate chain.", 10) { Candidates = DieCandidates },
        new("prov.dns-dhcp", "*", "No trusted DNS suffix reported", 11),
    ];

    private static readonly LogSignature PowerState = new("console.unsupported-os", "Oobconsole.log", "GetAMTPowerState fail with result:0x80072EE9", 40);

    private static LogEntry Entry(string file, string message, int line = 1, string? component = null) =>
        new(file, line, message, component, null, LogSeverity.Unknown, LogFormat.Plain);

    private static IReadOnlyList<LogCandidate> Match(params LogEntry[] entries) =>
        LogMatcher.Match(entries, [.. DeviceInternalError, PowerState]);

    [Theory]
    [InlineData("Oobconsole.log")]
    [InlineData("OOBCONSOLE.LOG")]
    [InlineData("oobconsole.lo_")]
    [InlineData(@"C:\Program Files\Microsoft Configuration Manager\AdminUI\AdminUILog\Oobconsole.log")]
    [InlineData("/tmp/case 12/oobconsole.log")]
    [InlineData("PC01_Oobconsole (1).log")]
    [InlineData("Oobconsole.txt")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("paste.txt")]
    public void AFileNameThatHintsAtTheLog_OrNoHintAtAll_Matches(string file)
    {
        var c = Assert.Single(Match(Entry(file, "GetAMTPowerState fail with result:0x80072EE9")));

        Assert.Equal("console.unsupported-os", c.NodeId);
    }

    [Theory]
    [InlineData("Amtopmgr.log")]
    [InlineData("amtproxymgr.lo_")]
    [InlineData("ticket-4711-amtopmgr.txt")]
    public void AFileNameThatHintsAtAnotherLog_DoesNotMatch(string file)
    {
        Assert.Empty(Match(Entry(file, "GetAMTPowerState fail with result:0x80072EE9")));
    }

    [Fact]
    public void TheComponent_WinsOverTheFileName()
    {
        Assert.Single(Match(Entry("Amtopmgr.log", "GetAMTPowerState fail with result:0x80072EE9", component: "OOBConsole")));
        Assert.Single(Match(Entry("renamed-by-a-tool.log", "GetAMTPowerState fail with result:0x80072EE9", component: "Oobconsole")));
        Assert.Empty(Match(Entry("Oobconsole.log", "GetAMTPowerState fail with result:0x80072EE9", component: "SMS_AMT_OPERATION_MANAGER")));
    }

    [Fact]
    public void ALineWithoutComponent_GoesByWhatTheInputsOtherLinesName()
    {
        var matcher = new LogMatcher([PowerState]);
        var asConsole = new LogRecognition("Oobconsole.log", LogRecognition.ByComponent, "OOBConsole");
        var asServicePoint = new LogRecognition("Amtopmgr.log", LogRecognition.ByComponent, "SMS_AMT_OPERATION_MANAGER");

        matcher.Observe(Entry("Amtopmgr.log", "GetAMTPowerState fail with result:0x80072EE9"), asConsole);
        Assert.Single(matcher.Candidates());

        var other = new LogMatcher([PowerState]);
        other.Observe(Entry("Oobconsole.log", "GetAMTPowerState fail with result:0x80072EE9"), asServicePoint);
        Assert.Empty(other.Candidates());
    }

    [Fact]
    public void TheTextMatchesAsciiCaseInsensitively_WithWhitespaceRunsAsOneSpace()
    {
        Assert.Single(Match(Entry("Oobconsole.log", "  getamtpowerstate   FAIL with\tresult:0x80072ee9 (and more)")));
        Assert.Single(Match(Entry("Oobconsole.log", "GetAMTPowerState fail\nwith result:0x80072EE9")));
        Assert.Empty(Match(Entry("Oobconsole.log", "GetAMTPowerState failwith result:0x80072EE9")));
        // Only ASCII letters fold: the Kelvin sign is not a K, a dotless i not an I.
        Assert.Equal("kelvin \u212Aelvin \u0131", LogMatcher.Normalize("KELVIN \u212Aelvin \u0131"));
    }

    [Fact]
    public void ASharedMessage_IsOneCandidate_ThatNamesTheCausesItCanMean()
    {
        var candidates = Match(Entry("Amtopmgr.log", "Error: Device internal error. This may be caused by:~1. SChannel hotfix applied that can send our root certificate in provisioning certificate chain.".Replace('~', '\n')));

        var c = Assert.Single(candidates);
        Assert.Equal("p.prov.die-link", c.NodeId);
        Assert.True(c.IsShared);
        Assert.Equal(DieCandidates, c.Candidates);
        Assert.Equal(2, c.Signatures.Count);
    }

    [Fact]
    public void ASpecificLineOfACandidate_InTheSameEntry_TakesThePlaceOfTheSharedMessage()
    {
        var candidates = Match(Entry("Amtopmgr.log", "Error: Device internal error. No trusted DNS suffix reported"));

        var c = Assert.Single(candidates);
        Assert.Equal("prov.dns-dhcp", c.NodeId);
        Assert.False(c.IsShared);
    }

    [Fact]
    public void AnAnyFileSignature_MatchesInEveryLog()
    {
        Assert.Single(Match(Entry("Oobconsole.log", "CLIENT, No opportunity for ACM activation: No trusted DNS suffix reported", component: "OOBConsole")));
        Assert.Single(Match(Entry("activation.txt", "No trusted DNS suffix reported")));
    }

    [Fact]
    public void ASupportingSignatureAlone_IsNoCandidate_ButAddsWeightToTheMainOne()
    {
        LogSignature[] alias =
        [
            new("prov.provisionserver-alias-missing", "Amtopmgr.log", "Unable to create instruction file for AMT Proxy task", 5),
            new("prov.provisionserver-alias-missing", "Amtopmgr.log", "Send request to AMT proxy component to add the alias ProvisionServer.", 5) { Supporting = true },
        ];
        var send = Entry("Amtopmgr.log", "Send request to AMT proxy component to add the alias ProvisionServer.corp.example.com in the DNS.", 1);
        var unable = Entry("Amtopmgr.log", @"Unable to create instruction file for AMT Proxy task: D:\SMS\MP\OUTBOXES\Amtproxy.box", 2);

        Assert.Empty(LogMatcher.Match([send], alias));
        var c = Assert.Single(LogMatcher.Match([send, unable], alias));
        Assert.Equal(2, c.Signatures.Count);
    }

    [Fact]
    public void AWithContext_MustBeInTheSameEntry()
    {
        LogSignature[] second = [new("console.functions-fail-second-console", "Oobconsole.log", "0x80004005", 1) { With = ["IMR_SOLOpenTCPSession", "Serial over LAN"] }];

        Assert.Empty(LogMatcher.Match([Entry("Oobconsole.log", "GetAMTPowerState fail with result:0x80004005")], second));
        Assert.Single(LogMatcher.Match([Entry("Oobconsole.log", "IMR_SOLOpenTCPSession with user = admin fail with result:0x80004005")], second));
    }

    [Fact]
    public void ASignatureSeenManyTimes_CountsOnce_AndTheHitsAreCapped()
    {
        var entries = Enumerable.Range(1, 1000).Select(i => Entry("Oobconsole.log", "GetAMTPowerState fail with result:0x80072EE9", i)).ToArray();

        var c = Assert.Single(Match(entries));

        Assert.Single(c.Signatures);
        Assert.Equal(1000, c.HitCount);
        Assert.Equal(LogMatcher.MaxHitsPerDiagnosis, c.Hits.Count);
    }

    [Fact]
    public void AnEmptySignature_MatchesNothing()
    {
        Assert.Empty(LogMatcher.Match([Entry("-", "anything")], [new LogSignature("x", "a.log", "  \t ", 0)]));
    }

    [Fact]
    public void CandidatesRankBySignatures_ThenByTreeOrder()
    {
        LogSignature[] signatures =
        [
            new("early", "*", "alpha", 1),
            new("late", "*", "beta", 9),
            new("late", "*", "gamma", 9),
        ];

        Assert.Equal(["early"], LogMatcher.Match([Entry("-", "alpha")], signatures).Select(c => c.NodeId));
        Assert.Equal(["late", "early"], LogMatcher.Match([Entry("-", "alpha beta gamma")], signatures).Select(c => c.NodeId));
        Assert.Equal(["early", "late"], LogMatcher.Match([Entry("-", "alpha beta")], signatures).Select(c => c.NodeId));
    }

    [Fact]
    public void TheParserAndMatcherTogether_FindTheMultiLineSmsMessage()
    {
        var log = "Error: Device internal error. This may be caused by:~1. SChannel hotfix applied that can send our root certificate in provisioning certificate chain.~~  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:03.123+480><thread=2880 (0x0B40)>\r\n";

        var candidates = LogMatcher.Match(LogParser.Parse("renamed.txt", new StringReader(log)), DeviceInternalError);

        Assert.Equal("p.prov.die-link", candidates[0].NodeId);
        Assert.Equal(2, candidates[0].Signatures.Count);
    }
}
