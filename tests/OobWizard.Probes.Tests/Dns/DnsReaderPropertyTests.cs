using FsCheck;
using FsCheck.Fluent;
using OobWizard.Probes.Dns.Wire;
using Xunit;
using Xunit.Abstractions;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>No byte string makes the reader throw anything but <see cref="DnsFormatException"/>, or run on.</summary>
public sealed class DnsReaderPropertyTests
{
    /// <summary>Packets run in the normal suite; set OOBW_DNS_FUZZ_COUNT for a long run (for example 200000).</summary>
    private const int DefaultFuzzCount = 10_000;

    private readonly ITestOutputHelper _output;

    public DnsReaderPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static Gen<byte> AnyByte => Gen.Choose(0, 255).Select(i => (byte)i);

    /// <summary>Bytes drawn mostly from values that mean something in names: lengths, pointers, root.</summary>
    private static Gen<byte> DnsishByte => Gen.Frequency(
        (4, AnyByte),
        (2, Gen.Elements<byte>(0, 1, 2, 3, 63, 64, 0xC0, 0xC1, 0xFF)),
        (2, Gen.Choose(0, 40).Select(i => (byte)i)));

    private static bool ReadsOrRejects(byte[] bytes)
    {
        try
        {
            DnsMessageReader.Read(bytes);
        }
        catch (DnsFormatException)
        {
            // the reader's own error: fine
        }

        return true; // any other exception escapes and fails the property
    }

    [Fact]
    public void AnyByteString_ReadsOrFailsWithFormatError()
    {
        var property = Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), ReadsOrRejects);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3_000), property);
    }

    [Fact]
    public void HeaderFollowedByDnsishBytes_ReadsOrFailsWithFormatError()
    {
        var packets =
            from counts in Gen.ArrayOf(Gen.Choose(0, 4).Select(i => (byte)i), 4)
            from body in Gen.ArrayOf(DnsishByte)
            select new byte[] { 0x12, 0x34, 0x81, 0x80, 0, counts[0], 0, counts[1], 0, counts[2], 0, counts[3] }.Concat(body).ToArray();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3_000), Prop.ForAll(packets.ToArbitrary(), ReadsOrRejects));
    }

    [Fact]
    public async Task MutatedRealAnswers_ReadOrFailWithFormatError_AndNeverHang()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("OOBW_DNS_FUZZ_COUNT"), out var n) && n > 0 ? n : DefaultFuzzCount;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OOBW_DNS_FUZZ_SEED"), out var s) ? s : 20261122;

        // The run happens on another thread so that a hang shows up as a failed test, not a stuck suite.
        var run = Task.Run(() => DnsFuzzer.Run(count, seed));
        var bound = TimeSpan.FromSeconds(30 + (count / 2_000));
        var finished = await Task.WhenAny(run, Task.Delay(bound));
        Assert.True(finished == run, $"fuzz run of {count} packets did not finish within {bound.TotalSeconds} s: a hang");

        var report = await run;
        _output.WriteLine($"seed {seed}: {report}");
        Assert.True(report.Failures.Count == 0, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(count, report.Parsed + report.Rejected);
    }
}
