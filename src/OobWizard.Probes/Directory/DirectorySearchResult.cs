namespace OobWizard.Probes.ActiveDirectory;

/// <summary>What one search gave: entries, and the continuation references (never chased: RFC 4511 §4.5.3).</summary>
public sealed record DirectorySearchResult(IReadOnlyList<DirectoryEntry> Entries, IReadOnlyList<string> References);
