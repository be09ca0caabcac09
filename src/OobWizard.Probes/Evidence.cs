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

    public void Deconstruct(out string name, out string value)
    {
        name = Name;
        value = Value;
    }
}
