namespace OobWizard.Core.Sessions;

/// <summary>A step as saved: the node left, the trigger (graph spelling) and the node reached.</summary>
public sealed record SavedStep(string From, string Trigger, string To, DateTimeOffset At);

/// <summary>One fact row of probe evidence: the English label (the record) and the value as observed.</summary>
public sealed record EvidenceRow(string Name, string Value)
{
    /// <summary>
    /// The message key of a label built from parts (<c>evidence.label.*</c>), with <see cref="NameArgs"/>; null for a fixed
    /// label (its key is <see cref="Content.EvidenceLabel.Key"/> of <see cref="Name"/>) and in sessions saved before keys were kept.
    /// </summary>
    public string? NameKey { get; init; }

    /// <summary>The values of <see cref="NameKey"/>'s placeholders (host names, addresses; never a password).</summary>
    public IReadOnlyList<string>? NameArgs { get; init; }

    /// <summary>The key of <see cref="Value"/> when our own code wrote it (<c>evidence.value.*</c>: "enabled", "(none)"); null for what a device sent.</summary>
    public string? ValueKey { get; init; }

    /// <summary>The value in <paramref name="language"/>: its key's text when <see cref="ValueKey"/> is set and the content has it, else <see cref="Value"/> as observed.</summary>
    public string ValueIn(Content.ContentSet content, string language)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (language == Content.Languages.Default || ValueKey is not { } key) return Value;
        var english = content.UiStrings.TryGetValue(Content.Languages.Default, out var en) ? en : null;
        return english?.ContainsKey(key) == true ? content.UiFormat(language, key) : Value;
    }

    /// <summary>The label in <paramref name="language"/>: its key's text when the content has one, else the English <see cref="Name"/>.</summary>
    public string NameIn(Content.ContentSet content, string language)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (language == Content.Languages.Default) return Name;
        var english = content.UiStrings.TryGetValue(Content.Languages.Default, out var en) ? en : null;
        return Content.EvidenceLabel.Format((k, a) => content.UiFormat(language, k, a), k => english?.ContainsKey(k) == true, Name, NameKey, NameArgs);
    }
}

/// <summary>What a probe found at a node, kept for the report.</summary>
public sealed record ProbeEvidence(
    string Node,
    string Probe,
    string Outcome,
    string Verdict,
    string Summary,
    IReadOnlyList<EvidenceRow> Rows,
    IReadOnlyList<string> Suggested,
    DateTimeOffset At)
{
    /// <summary>
    /// The message key of <see cref="Summary"/> (<c>probe.*</c> in messages.yaml), so a report or a resumed wizard says it in
    /// its own language; null in sessions saved before keys were kept (then the English <see cref="Summary"/> is shown).
    /// </summary>
    public string? SummaryKey { get; init; }

    /// <summary>The values of <see cref="SummaryKey"/>'s placeholders (hosts, users, counts; never a password).</summary>
    public IReadOnlyList<string>? SummaryArgs { get; init; }

    /// <summary>The summary in <paramref name="language"/>: the key's text with its arguments, else the English summary.</summary>
    public string SummaryIn(Content.ContentSet content, string language)
    {
        ArgumentNullException.ThrowIfNull(content);
        return SummaryKey is { } key && language != Content.Languages.Default
            ? Content.KeyedText.Format((k, a) => content.UiFormat(language, k, a), key, SummaryArgs ?? [])
            : Summary;
    }
}

/// <summary>A note the user typed at a node.</summary>
public sealed record SessionNote(string Node, string Text, DateTimeOffset At);

/// <summary>An entry of the append-only history (everything that happened, including back and restart).</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Event);
