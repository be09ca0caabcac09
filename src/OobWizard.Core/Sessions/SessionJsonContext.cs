using System.Text.Json.Serialization;

namespace OobWizard.Core.Sessions;

/// <summary>
/// Source-generated (reflection-free, Native AOT safe) JSON for the lists a session file holds.
/// Default options on purpose: property names stay as saved so far (PascalCase), so older files load.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(List<ProbeEvidence>))]
[JsonSerializable(typeof(List<SessionNote>))]
[JsonSerializable(typeof(List<HistoryEntry>))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
