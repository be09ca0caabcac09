using System.Text;

namespace OobWizard.Logs.Tests;

public sealed class LogFileTests
{
    private const string Line = "Error: Device internal error. Größe  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 10:01:03.123+480><thread=2880 (0x0B40)>\r\n";

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16le", "utf-16le-bom", "utf-16be", "utf-16be-bom"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void OpenText_ReadsUtf8AndUtf16_WithOrWithoutAByteOrderMark(string name)
    {
        var encoding = name.StartsWith("utf-16le", StringComparison.Ordinal) ? Encoding.Unicode
            : name.StartsWith("utf-16be", StringComparison.Ordinal) ? Encoding.BigEndianUnicode
            : Encoding.UTF8;
        var bytes = name.EndsWith("-bom", StringComparison.Ordinal) ? [.. encoding.GetPreamble(), .. encoding.GetBytes(Line)] : encoding.GetBytes(Line);
        var path = Path.Combine(Path.GetTempPath(), $"oobw-logfile-{Guid.NewGuid():N}.log");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var reader = LogFile.OpenText(File.OpenRead(path));
            var e = Assert.Single(LogParser.Parse("Amtopmgr.log", reader).ToList());

            Assert.Equal("Error: Device internal error. Größe", e.Message);
            Assert.Equal("SMS_AMT_OPERATION_MANAGER", e.Component);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
