namespace OobWizard.Core.Sessions;

/// <summary>A step as saved: the node left, the trigger (graph spelling) and the node reached.</summary>
public sealed record SavedStep(string From, string Trigger, string To, DateTimeOffset At);

/// <summary>One fact row of probe evidence.</summary>
public sealed record EvidenceRow(string Name, string Value);

/// <summary>What a probe found at a node, kept for the report.</summary>
public sealed record ProbeEvidence(
    string Node,
    string Probe,
    string Outcome,
    string Verdict,
    string Summary,
    IReadOnlyList<EvidenceRow> Rows,
    IReadOnlyList<string> Suggested,
    DateTimeOffset At);

/// <summary>A note the user typed at a node.</summary>
public sealed record SessionNote(string Node, string Text, DateTimeOffset At);

/// <summary>An entry of the append-only history (everything that happened, including back and restart).</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Event);
