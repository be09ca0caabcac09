namespace OobWizard.Probes;

/// <summary>
/// One fact a probe observed, shown as a table row ("Server header" | "Intel(R) AMT 6.0.3"). Both parts are cleaned
/// when the row is made (<see cref="EvidenceText.Clean"/>): whatever a device sent can be shown anywhere.
/// </summary>
public sealed record Evidence
{
    private readonly string _name = "";
    private readonly string _value = "";

    public Evidence(string name, string value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get => _name; init => _name = EvidenceText.Clean(value); }

    public string Value { get => _value; init => _value = EvidenceText.Clean(value); }

    /// <summary>
    /// The message key of a label built from parts (<c>evidence.label.*</c>, e.g. "PTR {0}"), with <see cref="NameArgs"/>;
    /// null for a fixed label, whose key is <see cref="Core.Content.EvidenceLabel.Key"/> of <see cref="Name"/>. The English
    /// <see cref="Name"/> stays the record (check --json, sessions).
    /// </summary>
    public string? NameKey { get; init; }

    /// <summary>The values of <see cref="NameKey"/>'s placeholders, cleaned like <see cref="Name"/>.</summary>
    public IReadOnlyList<string> NameArgs { get; init; } = [];

    /// <summary>
    /// The key of <see cref="Value"/> when our own code wrote it as fixed English words (<c>evidence.value.*</c>, set by
    /// <see cref="Ours"/>); null for what a device, a DNS server or a DC sent, which is shown as it came.
    /// </summary>
    public string? ValueKey { get; init; }

    /// <summary>
    /// A row whose value our own code wrote ("enabled", "(none)", "closed (refused)"): shown in the run's language when
    /// messages.yaml has <see cref="Core.Content.EvidenceLabel.ValueKey"/> of it, else as it stands (a list, a number).
    /// </summary>
    public static Evidence Ours(string name, string value) => new(name, value) { ValueKey = Core.Content.EvidenceLabel.ValueKey(EvidenceText.Clean(value)) };

    /// <summary>The key the label is said by: <see cref="NameKey"/>, else the fixed label's own.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string LabelKey => NameKey ?? Core.Content.EvidenceLabel.Key(Name);

    /// <summary>This row with its label said by <paramref name="key"/> (whose English text with <paramref name="args"/> is <see cref="Name"/>).</summary>
    public Evidence Keyed(string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(args);
        return this with
        {
            NameKey = key,
            NameArgs = [.. args.Select(ProbeLine.Arg)],
        };
    }

    public void Deconstruct(out string name, out string value)
    {
        name = Name;
        value = Value;
    }
}
