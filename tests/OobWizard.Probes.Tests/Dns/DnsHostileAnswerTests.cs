using DnsClient;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OobWizard.Probes.Dns;
using Xunit;
using Xunit.Abstractions;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// Whatever a server sends back, the adapter ends in a result (an answer or an error), never an
/// exception and never a hang: random bytes, bytes shaped like DNS, and mutated real answers.
/// </summary>
public sealed class DnsHostileAnswerTests : IDisposable
{
    /// <summary>Answers served in the normal suite; set OOBW_DNS_FUZZ_COUNT for a long run (for example 1000000).</summary>
    private const int DefaultFuzzCount = 5_000;

    private static readonly DnsClientAdapter Client = new(TimeSpan.FromSeconds(2), udpAttempts: 1);

    private readonly ITestOutputHelper _output;

    /// <summary>Answers every question with <see cref="_current"/> (given the query's id); one server per test.</summary>
    private readonly FakeDnsServer _server;

    private byte[] _current = [];

    public DnsHostileAnswerTests(ITestOutputHelper output)
    {
        _output = output;
        _server = new FakeDnsServer((q, _) => [TestAnswers.WithIdOf(Volatile.Read(ref _current), q)]);
    }

    public void Dispose() => _server.Dispose();

    private static Gen<byte> AnyByte => Gen.Choose(0, 255).Select(i => (byte)i);

    /// <summary>Bytes drawn mostly from values that mean something in names: lengths, pointers, root.</summary>
    private static Gen<byte> DnsishByte => Gen.Frequency(
        (4, AnyByte),
        (2, Gen.Elements<byte>(0, 1, 2, 3, 63, 64, 0xC0, 0xC1, 0xFF)),
        (2, Gen.Choose(0, 40).Select(i => (byte)i)));

    /// <summary>Serves <paramref name="answer"/> (with the query's id) to one question; true when the adapter ended in a result.</summary>
    private bool EndsInAResult(byte[] answer)
    {
        Volatile.Write(ref _current, answer);
        var r = Client.QueryAsync(DnsServerEndpoint.Parse(_server.Endpoint), "pc01.fabrikam.test", QueryType.A).GetAwaiter().GetResult();
        return r.Answered || r.Error is { Length: > 0 };
    }

    [Property(MaxTest = 500)]
    public Property AnyByteString_EndsInAResult() =>
        Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), EndsInAResult);

    [Property(MaxTest = 500)]
    public Property OurHeaderAndQuestionFollowedByDnsishBytes_EndsInAResult()
    {
        var question = Convert.FromHexString("04706330310866616272696B616D04746573740000010001");
        var packets =
            from counts in Gen.ArrayOf(Gen.Choose(0, 4).Select(i => (byte)i), 3)
            from body in Gen.ArrayOf(DnsishByte)
            select new byte[] { 0, 0, 0x85, 0x80, 0, 1, 0, counts[0], 0, counts[1], 0, counts[2] }.Concat(question).Concat(body).ToArray();

        return Prop.ForAll(packets.ToArbitrary(), EndsInAResult);
    }

    [Fact]
    public async Task MutatedRealAnswers_EndInAResult_AndNeverHang()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("OOBW_DNS_FUZZ_COUNT"), out var n) && n > 0 ? n : DefaultFuzzCount;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OOBW_DNS_FUZZ_SEED"), out var s) ? s : 20261122;

        // The run is raced against a bound so that a hang shows up as a failed test, not a stuck suite.
        var run = DnsHostileAnswerFuzzer.RunAsync(count, seed, workers: 4, Client);
        var bound = TimeSpan.FromSeconds(60 + (count / 200));
        var finished = await Task.WhenAny(run, Task.Delay(bound));
        Assert.True(finished == run, $"a run of {count} hostile answers did not finish within {bound.TotalSeconds} s: a hang");

        var report = await run;
        _output.WriteLine($"seed {seed}: {report}");
        Assert.True(report.Failures.Count == 0, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(count, report.Ended);
        Assert.False(report.Outcomes.ContainsKey("no answer (timeout)"), "every hostile answer was sent, so none may end as silence");
    }
}
