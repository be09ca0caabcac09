namespace OobWizard.Logs.Tests;

public sealed class LogParserTests
{
    private static List<LogEntry> Parse(string text, string file = "test.log") =>
        LogParser.Parse(file, new StringReader(text)).ToList();

    private static List<LogEntry> Fixture(string name)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        return LogParser.Parse(name, reader).ToList();
    }

    [Fact]
    public void Ccm_TheDocsLine_GivesMessageComponentSeverityAndTime()
    {
        var e = Assert.Single(Fixture("msdocs-peercache__smsts.log"));

        Assert.Equal(LogFormat.Ccm, e.Format);
        Assert.Equal(1, e.Line);
        Assert.StartsWith("Downloaded file from http:// <SourceServerName>:8003/", e.Message);
        Assert.EndsWith(@"install.wim ", e.Message);
        Assert.Equal("ApplyOperatingSystem", e.Component);
        Assert.Equal(LogSeverity.Info, e.Severity);
        // +420 is the Windows bias: UTC = local + 7 h.
        Assert.Equal(new DateTimeOffset(2015, 6, 26, 14, 24, 33, 329, TimeSpan.FromHours(-7)), e.Timestamp);
        Assert.Equal(new DateTime(2015, 6, 26, 21, 24, 33, 329), e.Timestamp!.Value.UtcDateTime);
    }

    [Fact]
    public void Ccm_ClientLineWithCrlf_HasNoCarriageReturnInIt()
    {
        var e = Assert.Single(Fixture("cmtraceopen-bgb-push__CcmNotificationAgent.log"));

        Assert.Equal("BgbAgent", e.Component);
        Assert.DoesNotContain('\r', e.Message);
        Assert.Equal(new DateTime(2026, 9, 25, 23, 35, 4, 986), e.Timestamp!.Value.UtcDateTime);
    }

    [Fact]
    public void Ccm_AMessageOverTwoPhysicalLines_IsOneEntry_AndLineNumbersStayPhysical()
    {
        var text =
            "<![LOG[Failed to run the action: Intel AMT: Configuration. \r\n" +
            "The process cannot access the file because another process has locked a portion of the file. (Error: 00000021; Source: Windows)]LOG]!><time=\"15:10:04.029-480\" date=\"07-14-2016\" component=\"TSManager\" context=\"\" type=\"3\" thread=\"2724\" file=\"instruction.cxx:895\">\r\n" +
            "<![LOG[Next]LOG]!><time=\"15:10:05.000-480\" date=\"07-14-2016\" component=\"TSManager\" context=\"\" type=\"2\" thread=\"2724\" file=\"\">\r\n";

        var entries = Parse(text);

        Assert.Equal(2, entries.Count);
        Assert.Equal(1, entries[0].Line);
        Assert.Equal("Failed to run the action: Intel AMT: Configuration.\nThe process cannot access the file because another process has locked a portion of the file. (Error: 00000021; Source: Windows)", entries[0].Message);
        Assert.Equal(LogSeverity.Error, entries[0].Severity);
        Assert.Equal("TSManager", entries[0].Component);
        // -480: UTC+8.
        Assert.Equal(new DateTime(2016, 7, 14, 7, 10, 4, 29), entries[0].Timestamp!.Value.UtcDateTime);
        Assert.Equal(3, entries[1].Line);
        Assert.Equal(LogSeverity.Warning, entries[1].Severity);
    }

    [Theory]
    [InlineData("1", LogSeverity.Info)]
    [InlineData("2", LogSeverity.Warning)]
    [InlineData("3", LogSeverity.Error)]
    [InlineData("0", LogSeverity.Unknown)]
    [InlineData("x", LogSeverity.Unknown)]
    public void Ccm_TypeGivesTheSeverity_EvenWhenTheTextSaysOtherwise(string type, LogSeverity expected)
    {
        var e = Assert.Single(Parse($"<![LOG[Error in text]LOG]!><time=\"01:02:03.004+000\" date=\"01-02-2009\" component=\"c\" context=\"\" type=\"{type}\" thread=\"1\" file=\"\">"));

        Assert.Equal(expected, e.Severity);
        Assert.Equal(new DateTimeOffset(2009, 1, 2, 1, 2, 3, 4, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public void Ccm_ABadTimeOrAMissingAttribute_LeavesTheTimestampNull()
    {
        var entries = Parse(
            "<![LOG[a]LOG]!><time=\"25:61:00.000+000\" date=\"01-02-2009\" component=\"\" type=\"1\">\n" +
            "<![LOG[b]LOG]!><time=\"10:00:00.000+9999\" date=\"02-30-2009\" type=\"1\">\n" +
            "<![LOG[c]LOG]!>");

        Assert.Equal(["a", "b", "c"], entries.Select(e => e.Message));
        Assert.All(entries, e => Assert.Null(e.Timestamp));
        Assert.All(entries, e => Assert.Null(e.Component));
    }

    [Fact]
    public void Ccm_AnUnterminatedMessage_EndsAtTheNextStart_AndAtTheEnd()
    {
        var entries = Parse("<![LOG[never closed\nsecond line\n<![LOG[ok]LOG]!><type=\"1\">\n<![LOG[cut at the end\nmore");

        Assert.Equal(3, entries.Count);
        Assert.Equal("never closed\nsecond line", entries[0].Message);
        Assert.Equal(LogSeverity.Unknown, entries[0].Severity);
        Assert.Equal(3, entries[1].Line);
        Assert.Equal("ok", entries[1].Message);
        Assert.Equal(4, entries[2].Line);
        Assert.Equal("cut at the end\nmore", entries[2].Message);
    }

    [Fact]
    public void Ccm_TheEndOfAMessageWhoseStartIsMissing_IsStillAnEntry()
    {
        var e = Assert.Single(Parse("provisioning certificate chain.]LOG]!><time=\"15:10:04.029-480\" date=\"07-14-2016\" component=\"X\" type=\"3\">"));

        Assert.Equal("provisioning certificate chain.", e.Message);
        Assert.Equal(LogSeverity.Error, e.Severity);
        Assert.Equal("X", e.Component);
    }

    [Fact]
    public void Sms_TheFirewallFixture_GivesComponentSeverityAndTheBiasRule()
    {
        var entries = Fixture("cmtraceopen-bgb-firewall__BgbServer.log");

        Assert.Equal(7, entries.Count);
        Assert.All(entries, e => Assert.Equal(LogFormat.SmsTrace, e.Format));
        Assert.All(entries, e => Assert.Equal("SMS_NOTIFICATION_SERVER", e.Component));
        Assert.All(entries, e => Assert.DoesNotContain('\r', e.Message));
        var warning = entries[0];
        Assert.Equal(LogSeverity.Warning, warning.Severity); // "WARNING:" found the way CMTrace does
        Assert.EndsWith("on all interfaces.", warning.Message); // the ~~ is gone
        // Local 16:39:05.707 with bias +240; the STATMSG on the next line says GMTDATE=... 20:39:05.718.
        Assert.Equal(new DateTime(2026, 9, 18, 20, 39, 5, 707), warning.Timestamp!.Value.UtcDateTime);
        Assert.Contains("GMTDATE=Fri Sep 18 20:39:05.718 2026", entries[1].Message);
        Assert.Equal(LogSeverity.Info, entries[1].Severity);
        Assert.Equal(Enumerable.Range(1, 7), entries.Select(e => e.Line));
    }

    [Fact]
    public void Sms_TwoSpacesBeforeTheTrailer_AndLfEndings()
    {
        var e = Assert.Single(Fixture("cmwt-comment__sitestat.log"));

        Assert.Equal("---->: An event has occurred, the event code is: 0x1", e.Message);
        Assert.Equal("SMS_SITE_SYSTEM_STATUS_SUMMARIZER", e.Component);
        Assert.Equal(new DateTime(2016, 12, 6, 8, 11, 46, 39), e.Timestamp!.Value.UtcDateTime); // +300: UTC = local + 5 h
    }

    [Fact]
    public void Sms_TildesAreLineBreaks_ExceptInShortNames()
    {
        var e = Assert.Single(Parse(@"Error: Device internal error. This may be caused by:~1. SChannel hotfix~2. C:\PROGRA~1\SMS~~  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:03.123-060><thread=2880 (0x0B40)>"));

        Assert.Equal("Error: Device internal error. This may be caused by:\n1. SChannel hotfix\n2. C:\\PROGRA~1\\SMS", e.Message);
        Assert.Equal(LogSeverity.Error, e.Severity);
        Assert.Equal(new DateTime(2011, 2, 22, 9, 1, 3, 123), e.Timestamp!.Value.UtcDateTime); // -060: UTC+1
    }

    [Fact]
    public void Sms_AnErrorPrefixedExpiryWarning_CountsAsAnError_AsInCmTrace()
    {
        var e = Assert.Single(Parse("Error: The provisioning certificate with the thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 will expire in 4 day(s). Please ensure that this certificate is renewed. (CertID = 1)  $$<SMS_AMT_OPERATION_MANAGER><12-15-2009 08:00:00.000+300><thread=2880 (0x0B40)>"));

        Assert.Equal(LogSeverity.Error, e.Severity);
    }

    [Fact]
    public void Rotation_TheMarkerIsItsOwnEntry()
    {
        var entries = Fixture("cmtraceopen-bgb-rotation__BgbServer.log");

        Assert.Equal(5, entries.Count);
        Assert.Equal(LogFormat.RotationMarker, entries[^1].Format);
        Assert.Equal(LogParser.RotationMarkerText, entries[^1].Message);
        Assert.Equal(5, entries[^1].Line);
        Assert.Equal("Total online clients: 2 (TCP: 1 HTTP: 1)", entries[1].Message);
    }

    [Fact]
    public void Sms20_TheWrappedOldTrailer_IsToleratedLineByLine()
    {
        var entries = Fixture("mskb-q243179-sms20__sinvproc.log");

        Assert.Equal(4, entries.Count);
        Assert.Equal("WARNING - Delete zero length file V4TY4GF3.sid failed, Win32 = 2", entries[0].Message);
        Assert.Equal(LogSeverity.Warning, entries[0].Severity);
        Assert.Equal("SMS_SOFTWARE_INVENTORY_PROCESSOR", entries[1].Component);
        Assert.Null(entries[1].Timestamp);
    }

    [Theory]
    [InlineData("Remove unused provision certificate with hash 0123 from memory.\tSMS_AMT_OPERATION_MANAGER\t11/23/2009 11:35:05 AM\t2700 (0x0A8C)")]
    [InlineData("Remove unused provision certificate with hash 0123 from memory.    SMS_AMT_OPERATION_MANAGER    11/23/2009 11:35:05 AM    2700 (0x0A8C)")]
    [InlineData("Remove unused provision certificate with hash 0123 from memory. SMS_AMT_OPERATION_MANAGER 23.11.2009 11:35:05 2700 (0x0A8C)")]
    [InlineData("Remove unused provision certificate with hash 0123 from memory.\tSMS_AMT_OPERATION_MANAGER\t2009/11/23 11:35:05\t2700 (0x0A8C)  ")]
    public void Clipboard_TabsOrSpaces_AnyCommonDate(string line)
    {
        var e = Assert.Single(Parse(line));

        Assert.Equal(LogFormat.Clipboard, e.Format);
        Assert.Equal("Remove unused provision certificate with hash 0123 from memory.", e.Message);
        Assert.Equal("SMS_AMT_OPERATION_MANAGER", e.Component);
        Assert.Equal(LogSeverity.Info, e.Severity);
        Assert.Null(e.Timestamp); // local time in an unknown zone and locale
    }

    [Fact]
    public void Clipboard_AMessageWithTabs_KeepsThem()
    {
        var e = Assert.Single(Parse("a\tb\tSMS_X\t1/2/2009 1:02:03 PM\t1 (0x1)"));

        Assert.Equal("a\tb", e.Message);
        Assert.Equal("SMS_X", e.Component);
    }

    [Fact]
    public void Plain_GarbageIsKept_BlankLinesAreSkipped_CrOnlyEndingsWork()
    {
        var entries = Parse("\uFEFFfirst\r\r  \rsecond warning\rthird (0x12)");

        Assert.Equal(["first", "second warning", "third (0x12)"], entries.Select(e => e.Message));
        Assert.Equal([1, 4, 5], entries.Select(e => e.Line));
        Assert.All(entries, e => Assert.Equal(LogFormat.Plain, e.Format));
        Assert.Equal([LogSeverity.Unknown, LogSeverity.Warning, LogSeverity.Unknown], entries.Select(e => e.Severity));
    }

    [Fact]
    public void AnOverlongLine_IsCut_KeepingItsTrailer_AndTheNextLineIsFine()
    {
        var text = new string('x', 1_000_000) + "  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:03.123+000><thread=1 (0x1)>\r\nnext  $$<C><02-22-2011 10:01:04.000+000><thread=1 (0x1)>\r\n";

        var entries = Parse(text);

        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].Truncated);
        Assert.True(entries[0].Message.Length <= LogParser.DefaultMaxChars);
        Assert.Equal("SMS_AMT_OPERATION_MANAGER", entries[0].Component);
        Assert.NotNull(entries[0].Timestamp);
        Assert.False(entries[1].Truncated);
        Assert.Equal(2, entries[1].Line);
        Assert.Equal("next", entries[1].Message);
    }

    [Fact]
    public void AMessageThatNeverCloses_IsCutAtTheCap_AndParsingGoesOn()
    {
        var text = "<![LOG[start\n" + string.Concat(Enumerable.Repeat("filler line of forty characters or so..\n", 10_000)) + "after  $$<C><02-22-2011 10:01:04.000+000><thread=1 (0x1)>\n";

        var entries = Parse(text);

        Assert.True(entries[0].Truncated);
        Assert.True(entries[0].Message.Length <= LogParser.DefaultMaxChars);
        Assert.All(entries, e => Assert.True(e.Message.Length <= LogParser.DefaultMaxChars));
        Assert.Equal("after", entries[^1].Message);
        Assert.Equal(10_002, entries[^1].Line);
    }

    [Fact]
    public void RandomInput_NeverThrows_AndStaysBounded()
    {
        string[] pieces = ["<![LOG[", "]LOG]!>", "$$<", "<", ">", "~", "~~", "\t", "\r", "\n", "\r\n", "  ", "=\"", "\"", "type=\"", "time=\"", "date=\"", "12-31-2009", "25:61:99.9999999999+", "-", "+99999999999", "(0x", ")", "0", "9", "AM", "/", ":", ".", "\uFEFF", "\uD800", "\uDC00", "é", "日本", "\0", LogParser.RotationMarkerText];
        var random = new Random(20261122);
        for (var i = 0; i < 3000; i++)
        {
            var sb = new System.Text.StringBuilder();
            var count = random.Next(0, i % 100 == 0 ? 20_000 : 60);
            for (var k = 0; k < count; k++)
            {
                sb.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : pieces[random.Next(pieces.Length)]);
                if (i % 500 == 0 && k % 1000 == 0)
                {
                    sb.Append('y', 5000); // long runs: the caps must bite
                }
            }

            var entries = LogParser.Parse("r.log", new StringReader(sb.ToString()), maxChars: 4096).ToList();

            var last = 0;
            foreach (var e in entries)
            {
                Assert.True(e.Line > last, $"seed run {i}: lines must rise");
                last = e.Line;
                Assert.True(e.Message.Length <= 4096, $"seed run {i}: message over the cap");
            }
        }
    }
}
