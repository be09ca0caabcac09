using System.Buffers.Binary;
using DnsClient;
using OobWizard.Probes.Dns;
using Xunit;
using Xunit.Abstractions;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// Broken answers with our id and question, over UDP and TCP, through the adapter: each ends in a
/// result (an error naming what was wrong, or an answer), never an exception and never a hang.
/// </summary>
public sealed class DnsMalformedAnswerTests
{
    private static readonly DnsClientAdapter Client = new(TimeSpan.FromSeconds(3), udpAttempts: 1);

    // The question every packet below carries: pc01.fabrikam.test A IN.
    private static readonly byte[] Question = Convert.FromHexString("04706330310866616272696B616D04746573740000010001");

    private readonly ITestOutputHelper _output;

    public DnsMalformedAnswerTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static byte[] Header(ushort an, ushort ns = 0, ushort ar = 0, ushort qd = 1)
    {
        var b = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), 0x8580);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(4), qd);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(6), an);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(8), ns);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(10), ar);
        return b;
    }

    /// <summary>A record owned by the question's name (pointer to offset 12) with the given type and RDATA.</summary>
    private static byte[] Record(ushort type, byte[] rdata, int? rdLength = null)
    {
        var b = new byte[12];
        b[0] = 0xC0;
        b[1] = 12;
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(6), 60);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(10), (ushort)(rdLength ?? rdata.Length));
        return [.. b, .. rdata];
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "shorter than a header", "12348580" },
        { "header only, one question promised", Convert.ToHexString(Header(0)) },
        { "counts far beyond the data", Convert.ToHexString([.. Header(65535, 65535, 65535), .. Question]) },
        { "answer owner pointing at itself", Convert.ToHexString([.. Header(1), .. Question, 0xC0, 36, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]) },
        { "two pointers pointing at each other", Convert.ToHexString([.. Header(1), .. Question, 0xC0, 38, 0xC0, 36, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]) },
        { "reserved label type 0x40", Convert.ToHexString([.. Header(1), .. Question, 0x40, 1, 0, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]) },
        { "RDLENGTH past the end", Convert.ToHexString([.. Header(1), .. Question, .. Record(1, [127, 0, 0, 1], rdLength: 40)]) },
        { "A with 3 bytes of RDATA", Convert.ToHexString([.. Header(1), .. Question, .. Record(1, [127, 0, 0])]) },
        { "CNAME with bytes after its name", Convert.ToHexString([.. Header(1), .. Question, .. Record(5, [1, (byte)'a', 0, 0xAA, 0xBB])]) },
        { "CNAME running past its RDLENGTH", Convert.ToHexString([.. Header(1), .. Question, .. Record(5, [2, (byte)'a', (byte)'b', 0], rdLength: 2)]) },
        { "SRV with 5 bytes", Convert.ToHexString([.. Header(1), .. Question, .. Record(33, [0, 0, 0, 0, 0])]) },
        { "TXT string longer than its RDATA", Convert.ToHexString([.. Header(1), .. Question, .. Record(16, [5, (byte)'a'])]) },
        { "cut inside the question", Convert.ToHexString([.. Header(0), .. Question[..10]]) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task BrokenAnswer_EndsInAResult_NeverAnException(string what, string hex)
    {
        var packet = Convert.FromHexString(hex);
        using var server = new FakeDnsServer((q, _) => [TestAnswers.WithIdOf(packet, q)]);

        var r = await Client.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "pc01.fabrikam.test", QueryType.A);

        _output.WriteLine($"{what}: {r.Summary} | not believed: {string.Join("; ", r.NotBelieved)}");
        Assert.True(r.Answered || r.Error is { Length: > 0 }, what);
        Assert.NotEqual("none", r.Transport);
    }

    [Fact]
    public async Task EveryPrefixOfARealAnswer_EndsInAResult()
    {
        var capture = CapturedAnswers.Bind_NxDomain_pc99;
        var prefix = 0;
        using var server = new FakeDnsServer((q, _) => [TestAnswers.WithIdOf(capture[..Volatile.Read(ref prefix)], q)]);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (; prefix < capture.Length; prefix++)
        {
            var r = await Client.QueryAsync(DnsServerEndpoint.Parse(server.Endpoint), "pc99.fabrikam.test", QueryType.A);
            Assert.True(r.Answered || r.Error is { Length: > 0 });
            var key = r.Answered ? $"answered, {r.Authorities.Count} authority record(s)" : r.Error!.Split('(')[0].Trim();
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        foreach (var (key, count) in outcomes)
        {
            _output.WriteLine($"{count,4} x {key}");
        }

        Assert.DoesNotContain(outcomes.Keys, k => k.StartsWith("answered, 1", StringComparison.Ordinal));
    }
}
