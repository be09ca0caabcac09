namespace OobWizard.Logs.Tests;

public sealed class ErrorLineRankerTests
{
    private static LogEntry Entry(string message, LogSeverity severity, int line, string file = "Amtopmgr.log") =>
        new(file, line, message, null, null, severity, LogFormat.SmsTrace);

    [Fact]
    public void ErrorsWithAnHresult_RankFirst_ThenPlainErrors_ThenWarnings_AndInfoIsLeftOut()
    {
        var ranker = new ErrorLineRanker();
        ranker.Observe(Entry("Warning: the device did not answer in time", LogSeverity.Warning, 1), "amtopmgr.log");
        ranker.Observe(Entry("Error: AMT device pc001.corp.example.com is not reachable", LogSeverity.Error, 2), "amtopmgr.log");
        ranker.Observe(Entry("Discovering AMT device pc001.corp.example.com", LogSeverity.Info, 3), "amtopmgr.log");
        ranker.Observe(Entry("Error: failed to read the audit log, result 0x80070005", LogSeverity.Error, 4), "amtopmgr.log");

        var top = ranker.Top(10);

        Assert.Equal([4, 2, 1], top.Select(t => t.First.Line));
        Assert.Equal(["0x80070005"], top[0].Codes);
        Assert.Equal("amtopmgr.log", top[0].Log);
    }

    [Fact]
    public void LinesThatDifferOnlyInNumbers_AreOneKind_CountedAndShownAtTheirFirstPlace()
    {
        var ranker = new ErrorLineRanker();
        for (var i = 1; i <= 30; i++)
        {
            ranker.Observe(Entry($"Error: AMT device pc{i:000}.corp.example.com is not reachable (retry {i % 3} of 3)", LogSeverity.Error, i), null);
        }

        ranker.Observe(Entry("Error: other, result 0x80072EE9", LogSeverity.Error, 31), null);
        ranker.Observe(Entry("Error: other, result 0x80072EE7", LogSeverity.Error, 32), null);

        var top = ranker.Top(10);

        Assert.Equal(3, top.Count);
        var repeated = Assert.Single(top, t => t.Count == 30);
        Assert.Equal(1, repeated.First.Line);
    }

    [Fact]
    public void TheTextDecidesForFormatsWithoutSeverity_AsCmTraceDoes()
    {
        var ranker = new ErrorLineRanker();
        ranker.Observe(new LogEntry("-", 1, "Could not connect: error 5", null, null, LogSeverity.Unknown, LogFormat.Plain), null);
        ranker.Observe(new LogEntry("-", 2, "everything fine", null, null, LogSeverity.Unknown, LogFormat.Plain), null);

        Assert.Equal([1], ranker.Top(5).Select(t => t.First.Line));
    }

    [Fact]
    public void MemoryIsBounded_ByTheNumberOfKinds()
    {
        var ranker = new ErrorLineRanker();
        for (var i = 0; i < ErrorLineRanker.MaxKinds + 500; i++)
        {
            ranker.Observe(Entry($"Error: kind {new string((char)('a' + (i % 26)), 1 + (i / 26))}", LogSeverity.Error, i + 1), null);
        }

        Assert.Equal(ErrorLineRanker.MaxKinds, ranker.Top(int.MaxValue).Count);
    }
}
