using BenchmarkDotNet.Attributes;
using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Benchmarks;

/// <summary>The DNS reader on a real answer (dnsmasq, CNAME + A, captured in tests/OobWizard.Probes.Tests/Dns/CapturedAnswers.cs).</summary>
[MemoryDiagnoser]
public class DnsBenchmarks
{
    private static readonly byte[] Answer = Convert.FromHexString(
        "1234858000010002000000000F70726F766973696F6E7365727665720866616272696B616D04746573740000010001C0" +
        "0C00050001000000780016067363636D30310866616272696B616D047465737400C03B000100010000012C00047F0000" +
        "1E");

    private static readonly byte[] Garbage = [.. Answer[..20], 0xC0, 0x14, .. Answer[22..]];

    [Benchmark]
    public DnsMessage ReadAnswer() => DnsMessageReader.Read(Answer);

    [Benchmark]
    public bool RejectPointerLoop() => DnsMessageReader.TryRead(Garbage, out _, out _);
}
