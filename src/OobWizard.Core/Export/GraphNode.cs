using System.Text.Json.Serialization;

namespace OobWizard.Core.Export;

/// <summary>A node in <c>graph --format json</c>: id, kind (start, question, probe, diagnosis, end) and, for probe nodes, the probe id.</summary>
public sealed record GraphNode(
    string Id,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Probe);
