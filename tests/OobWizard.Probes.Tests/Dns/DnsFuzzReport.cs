namespace OobWizard.Probes.Tests.Dns;

/// <summary>What a fuzz run did: packets tried, how many parsed or were rejected, and any crash.</summary>
public sealed record DnsFuzzReport(int Count, int Parsed, int Rejected, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Count} mutated packets in {Elapsed.TotalSeconds:0.00} s ({Count / Math.Max(Elapsed.TotalSeconds, 1e-6):0} per s): " +
        $"{Parsed} parsed, {Rejected} rejected with DnsFormatException, {Failures.Count} other exceptions";
}
