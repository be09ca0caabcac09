using System.Text.Json.Serialization;

namespace OobWizard.Probes.Amt;

/// <summary>Source-generated (reflection-free, Native AOT safe) JSON for <c>check --json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AmtCheckDocument))]
internal sealed partial class AmtCheckJsonContext : JsonSerializerContext;
