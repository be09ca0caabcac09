using System.Text.Json.Serialization;

namespace OobWizard.Cli.Json;

/// <summary>Source-generated (reflection-free, Native AOT safe) JSON Lines for `scan --json`: one compact object per device.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScanDeviceDocument))]
internal sealed partial class ScanJsonContext : JsonSerializerContext;
