namespace OobWizard.Logs.Tests;

public sealed class LogMatcherTests
{
    // The catalog's signatures for the two "Device internal error" causes, in tree order.
    private static readonly LogSignature[] DeviceInternalError =
    [
        new("prov.hotfix-942841", "Amtopmgr.log", "Error: Device internal error.", 10),
        new("prov.hotfix-942841", "Amtopmgr.log", "Check Schannel, provision certificate, network configuration, device.", 10),
        new("prov.hotfix-942841", "Amtopmgr.log", "Schannel hotfix applied that can send our root certificate in provisioning certificate chain.", 10),
        new("prov.dns-dhcp", "Amtopmgr.log", "Error: Device internal error.", 11),
        new("prov.dns-dhcp", "Amtopmgr.log", "incorrect network configuration(DHCP option 6 and 15 required for AMT firmware)", 11),
    ];

    private static readonly LogSignature PowerState = new("console.unsupported-os", "Oobconsole.log", "GetAMTPowerState fail with result:0x80072EE9", 40);

    private static LogEntry Entry(string file, string message, int line = 1) =>
        new(file, line, message, null, null, LogSeverity.Unknown, LogFormat.Plain);

    private static IReadOnlyList<LogCandidate> Match(params LogEntry[] entries) =>
        LogMatcher.Match(entries, [.. DeviceInternalError, PowerState]);

    [Theory]
    [InlineData("Oobconsole.log")]
    [InlineData("OOBCONSOLE.LOG")]
    [InlineData("oobconsole.lo_")]
    [InlineData(@"C:\Program Files\Microsoft Configuration Manager\AdminUI\AdminUILog\Oobconsole.log")]
    [InlineData("/tmp/case 12/oobconsole.log")]
    [InlineData("-")]
    [InlineData("")]
    public void TheFileMustMatchByName_UnlessItIsUnknown(string file)
    {
        var c = Assert.Single(Match(Entry(file, "GetAMTPowerState fail with result:0x80072EE9")));

        Assert.Equal("console.unsupported-os", c.DiagnosisId);
    }

    [Theory]
    [InlineData("Amtopmgr.log")]
    [InlineData("Oobconsole.txt")]
    [InlineData("Oobconsole.log.old")]
    [InlineData("paste.txt")]
    public void AnotherFile_DoesNotMatch(string file)
    {
        Assert.Empty(Match(Entry(file, "GetAMTPowerState fail with result:0x80072EE9")));
    }

    [Fact]
    public void TheTextMatchesCaseInsensitively_WithWhitespaceRunsAsOneSpace()
    {
        Assert.Single(Match(Entry("Oobconsole.log", "  getamtpowerstate   FAIL with\tresult:0x80072ee9 (and more)")));
        Assert.Single(Match(Entry("Oobconsole.log", "GetAMTPowerState fail\nwith result:0x80072EE9")));
        Assert.Empty(Match(Entry("Oobconsole.log", "GetAMTPowerState failwith result:0x80072EE9")));
    }

    [Fact]
    public void DeviceInternalErrorAlone_RanksByTreeOrder()
    {
        var candidates = Match(Entry("Amtopmgr.log", "Error: Device internal error. This may be caused by:"));

        Assert.Equal(["prov.hotfix-942841", "prov.dns-dhcp"], candidates.Select(c => c.DiagnosisId));
        Assert.All(candidates, c => Assert.Single(c.Signatures));
    }

    [Fact]
    public void WithTheSchannelLine_TheHotfixLeads()
    {
        var candidates = Match(
            Entry("Amtopmgr.log", "Error: Device internal error. This may be caused by:", 1),
            Entry("Amtopmgr.log", "1. SChannel hotfix applied that can send our root certificate in provisioning certificate chain.", 2));

        Assert.Equal(["prov.hotfix-942841", "prov.dns-dhcp"], candidates.Select(c => c.DiagnosisId));
        Assert.Equal(2, candidates[0].Signatures.Count);
        Assert.Equal([1, 2], candidates[0].Hits.Select(h => h.Entry.Line));
    }

    [Fact]
    public void WithTheDhcpLine_DnsDhcpLeads_DespiteItsLaterOrder()
    {
        var candidates = Match(
            Entry("Amtopmgr.log", "Error: Device internal error. This may be caused by:~2. incorrect network configuration(DHCP option 6 and 15 required for AMT firmware)".Replace('~', '\n')));

        Assert.Equal(["prov.dns-dhcp", "prov.hotfix-942841"], candidates.Select(c => c.DiagnosisId));
        var hit = Assert.Single(candidates[0].Hits);
        Assert.Equal(2, hit.Signatures.Count);
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
    public void TheParserAndMatcherTogether_FindTheMultiLineSmsMessage()
    {
        var log = "Error: Device internal error. This may be caused by:~1. SChannel hotfix applied that can send our root certificate in provisioning certificate chain.~~  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:03.123+480><thread=2880 (0x0B40)>\r\n";

        var candidates = LogMatcher.Match(LogParser.Parse("amtopmgr.lo_", new StringReader(log)), DeviceInternalError);

        Assert.Equal("prov.hotfix-942841", candidates[0].DiagnosisId);
        Assert.Equal(2, candidates[0].Signatures.Count);
    }
}
