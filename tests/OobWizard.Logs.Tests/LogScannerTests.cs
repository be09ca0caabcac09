using System.Text;

namespace OobWizard.Logs.Tests;

/// <summary>
/// The scanner parses only the lines around a token hit; what it hands on must be exactly what the
/// full parser gives for those lines, and nothing that matches may be lost. Random logs mix every
/// format, CCM messages over several lines (some never closed), lines longer than the cap and than
/// the buffer, CR/LF/CRLF, non-ASCII text, invalid bytes, BOMs and UTF-16; small caps and buffers make
/// every edge come up often.
/// </summary>
public sealed class LogScannerTests
{
    private const int Cap = 4096;

    private static readonly string[] Signatures =
    [
        "Error: Device internal error.",
        "GetAMTPowerState fail with result: 0x800703E3",
        "returned by InitializeSecurityContext during follow up TLS handshaking",
        "Unable to create instruction file for AMT Proxy task",
        "fail with result:0x2, description:Invalid Parameter",
        "STATMSG: ID=7217",
    ];

    public static TheoryData<int> Levels() => new(Enum.GetValues<SimdLevel>().Select(l => (int)l));

    [Theory]
    [MemberData(nameof(Levels))]
    public void TheScannersEntries_AreTheParsersOwn_AndNoMatchIsLost(int level)
    {
        var simd = (SimdLevel)level;
        for (var seed = 0; seed < 70; seed++)
        {
            var random = new Random(seed * 31 + level);
            var text = RandomLog(random);
            var encoding = (seed % 5) switch
            {
                0 => new UnicodeEncoding(false, byteOrderMark: seed % 2 == 0),
                _ => (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: seed % 3 == 0),
            };
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
            if (seed % 7 == 3 && encoding is UTF8Encoding)
            {
                bytes = [.. bytes, 0xC3, (byte)'\n', 0xE2, 0x82, (byte)'x', 0xFF, (byte)'\r'];
            }

            if (seed % 11 == 5 && encoding is UnicodeEncoding)
            {
                bytes = [.. bytes, 0x41]; // an odd byte at the end
            }

            Compare(bytes, simd, chunk: 64 + random.Next(20000), $"seed {seed} {encoding.WebName} bom {encoding.GetPreamble().Length}");
        }
    }

    [Fact]
    public void ALineLongerThanTheBuffer_IsCutAsTheReaderCutsIt_AndAMessageItOpensIsFollowed()
    {
        var sb = new StringBuilder();
        sb.Append("first line\r\n");
        sb.Append("<![LOG[").Append('x', 200_000).Append(" Error: Device internal error. ").Append('y', 3000).Append("\r\n");
        sb.Append("short\r\n");
        sb.Append("GetAMTPowerState fail with result: 0x800703E3]LOG]!><time=\"01:02:03.004+000\" date=\"01-02-2009\" component=\"c\" type=\"3\">\r\n");
        sb.Append("after\r\n");
        Compare(Encoding.UTF8.GetBytes(sb.ToString()), SimdLevel.Avx512, chunk: 5000, "long opener");

        var tailHit = "plain " + new string('z', 150_000) + " Unable to create instruction file for AMT Proxy task\n" + "STATMSG: ID=7217\n";
        Compare(Encoding.UTF8.GetBytes(tailHit), SimdLevel.Avx2, chunk: 3000, "hit in the kept tail");
    }

    [Fact]
    public void AMessageOpenAcrossTheBufferEdge_IsFollowedToItsClose()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            sb.Append(i % 97 == 0 ? "<![LOG[start of a long message\r\n" : "filler line number ").Append(i).Append("\r\n");
            if (i % 97 == 5)
            {
                sb.Append("Error: Device internal error. ]LOG]!><time=\"01:02:03.004+000\" date=\"01-02-2009\" component=\"SMS_AMT_OPERATION_MANAGER\" type=\"3\">\r\n");
            }
        }

        Compare(Encoding.UTF8.GetBytes(sb.ToString()), SimdLevel.Scalar, chunk: 700, "open across the edge");
    }

    [Fact]
    public void TheLineCount_IsThePhysicalLines_WithCrLfCountedOnce()
    {
        var scanner = Scanner(SimdLevel.Avx512, 100);
        foreach (var (text, lines) in new[] { ("a\r\nb\rc\nd", 4L), ("a\r\n", 1L), ("\r\r\n\n", 3L), ("", 0L), ("x", 1L) })
        {
            var padded = string.Concat(Enumerable.Repeat("line\r\n", 5000)) + text;
            var result = scanner.Scan("t.log", new MemoryStream(Encoding.UTF8.GetBytes(padded)), (_, _) => { });
            Assert.Equal(5000 + lines, result.Lines);
        }
    }

    private static LogScanner Scanner(SimdLevel simd, int chunk) =>
        new(Signatures.Select(LogMatcher.Normalize), Cap, chunk, simd, alwaysFilter: true);

    private static void Compare(byte[] bytes, SimdLevel simd, int chunk, string what)
    {
        var all = new List<LogEntry>();
        using (var reader = new StreamReader(new MemoryStream(bytes), LogFile.Guess(bytes.AsSpan(0, Math.Min(4, bytes.Length))), detectEncodingFromByteOrderMarks: true))
        {
            all.AddRange(LogParser.Parse("t.log", reader, Cap));
        }

        var scanned = new List<LogEntry>();
        var result = Scanner(simd, chunk).Scan("t.log", new MemoryStream(bytes), (e, _) => scanned.Add(e));

        var byLine = all.ToDictionary(e => e.Line);
        foreach (var e in scanned)
        {
            Assert.True(byLine.TryGetValue(e.Line, out var expected), $"{what}: line {e.Line} is no entry of the parser's");
            if (expected != e)
            {
                var at = expected.Message.Zip(e.Message).TakeWhile(p => p.First == p.Second).Count();
                Assert.Fail($"{what}: line {e.Line} differs from char {at} (lengths {expected.Message.Length}/{e.Message.Length}, cut {expected.Truncated}/{e.Truncated}, format {expected.Format}/{e.Format}): "
                    + $"'{Snippet(expected.Message, at)}' vs '{Snippet(e.Message, at)}'");
            }
        }

        var texts = Signatures.Select(LogMatcher.Normalize).ToList();
        var needed = all.Where(e => texts.Any(t => LogMatcher.Normalize(e.Message).Contains(t, StringComparison.Ordinal))).ToList();
        var got = scanned.Select(e => e.Line).ToHashSet();
        Assert.All(needed, e => Assert.True(got.Contains(e.Line), $"{what}: the matching entry at line {e.Line} was skipped"));
        Assert.Equal(scanned.Select(e => e.Line).Order(), scanned.Select(e => e.Line));
        var physical = PhysicalLines(bytes);
        Assert.True(physical == result.Lines, $"{what}: {result.Lines} lines counted, {physical} read");
    }

    private static string Snippet(string s, int at) => s.Substring(Math.Max(0, at - 20), Math.Min(s.Length, at + 20) - Math.Max(0, at - 20)).Replace("\n", "\\n");

    private static long PhysicalLines(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), LogFile.Guess(bytes.AsSpan(0, Math.Min(4, bytes.Length))), detectEncodingFromByteOrderMarks: true);
        var lines = new BoundedLineReader(reader, Cap);
        long n = 0;
        while (lines.ReadLine(out _) is not null)
        {
            n++;
        }

        return n;
    }

    private static string RandomLog(Random r)
    {
        var sb = new StringBuilder();
        var count = r.Next(50, 2500);
        for (var i = 0; i < count; i++)
        {
            var body = Body(r);
            switch (r.Next(14))
            {
                case 0:
                case 1:
                    sb.Append($"{body}  $$<SMS_AMT_OPERATION_MANAGER><02-22-2011 09:58:13.027+480><thread=2880 (0x0B40)>");
                    break;
                case 2:
                case 3:
                    sb.Append($"<![LOG[{body}]LOG]!><time=\"10:12:31.140+480\" date=\"02-22-2011\" component=\"OOBConsole\" context=\"\" type=\"{r.Next(4)}\" thread=\"3120\" file=\"\">");
                    break;
                case 4:
                    sb.Append(r.Next(3) == 0 ? "  \t" : "").Append("<![LOG[").Append(body); // opens, may close later
                    break;
                case 5:
                    sb.Append(body).Append("]LOG]!><time=\"10:12:31.140+480\" date=\"02-22-2011\" component=\"Oobmgmt\" type=\"3\">");
                    break;
                case 6:
                    sb.Append($"{body}\tOOBConsole\t2/22/2011 10:12:31 AM\t3120 (0x0C30)");
                    break;
                case 7:
                    sb.Append(new string(r.Next(2) == 0 ? ' ' : '\u3000', r.Next(5)));
                    break;
                case 8 when r.Next(6) == 0:
                    sb.Append(new string('w', Cap - 50 + r.Next(100))).Append(body); // around the cap
                    break;
                case 9 when r.Next(12) == 0:
                    sb.Append(r.Next(2) == 0 ? "<![LOG[" : "").Append(new string('L', r.Next(Cap, 60_000))).Append(body);
                    break;
                case 10:
                    sb.Append(LogParser.RotationMarkerText);
                    break;
                default:
                    sb.Append(body);
                    break;
            }

            sb.Append(r.Next(10) switch { 0 => "\r", 1 or 2 or 3 => "\n", _ => "\r\n" });
        }

        if (r.Next(3) == 0)
        {
            sb.Length -= sb[^1] == '\n' && sb.Length > 1 && sb[^2] == '\r' ? 2 : 1; // no final terminator
        }

        return (r.Next(9) == 0 ? "\uFEFF" : "") + sb;
    }

    private static string Body(Random r)
    {
        var parts = new List<string>();
        var n = r.Next(1, 6);
        for (var i = 0; i < n; i++)
        {
            parts.Add(r.Next(12) switch
            {
                0 => Signatures[r.Next(Signatures.Length)],
                1 => Mangle(r, Signatures[r.Next(Signatures.Length)]),
                2 => "GetAMTPowerState succeeded",
                3 => "Überprüfung 日本語 テスト 😀",
                4 => "~1. item~2. item~~",
                5 => "description:Invalid",
                6 => "ID=7216 ID=72170",
                _ => "provisioning task started for pc01.corp.example.com",
            });
        }

        return string.Join(r.Next(4) == 0 ? "  " : " ", parts);
    }

    /// <summary>The signature with case, spacing or a line break changed, or one character dropped (then it must not match).</summary>
    private static string Mangle(Random r, string s) => r.Next(4) switch
    {
        0 => s.ToUpperInvariant(),
        1 => s.Replace(" ", "\t "),
        2 => s.Replace(" ", "~"),
        _ => s.Remove(r.Next(s.Length), 1),
    };
}
