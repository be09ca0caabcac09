namespace OobWizard.Probes.Tests.Dns;

/// <summary>What a hostile-answer run did: answers served, how the adapter ended each (by kind), and any exception that escaped it.</summary>
public sealed record DnsFuzzReport(int Count, IReadOnlyDictionary<string, int> Outcomes, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    public int Ended => Outcomes.Values.Sum();

    public override string ToString() =>
        $"{Count} hostile answers in {Elapsed.TotalSeconds:0.0} s ({Count / Math.Max(Elapsed.TotalSeconds, 1e-6):0} per s): " +
        string.Join(", ", Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Value} {o.Key}")) +
        $"; {Failures.Count} exceptions escaped";
}
