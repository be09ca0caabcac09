namespace OobWizard.Lab;

/// <summary>One CIM instance a lab device serves: its class and its properties in wire order (names may repeat).</summary>
public sealed record LabInstance(string ClassName, IReadOnlyList<KeyValuePair<string, string>> Properties);
