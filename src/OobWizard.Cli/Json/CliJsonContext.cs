using System.Text.Json.Serialization;

namespace OobWizard.Cli.Json;

/// <summary>Source-generated (reflection-free, Native AOT safe) JSON for the command line's own outputs.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LogsDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
