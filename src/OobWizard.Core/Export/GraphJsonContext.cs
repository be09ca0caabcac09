using System.Text.Json.Serialization;

namespace OobWizard.Core.Export;

/// <summary>Source-generated (reflection-free, Native AOT safe) JSON for the graph export.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GraphDocument))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
