namespace OobWizard.Logs;

/// <summary>A fragment to search for: lower-case ASCII bytes, and where its 3-byte fingerprint starts.</summary>
internal sealed record Fragment(byte[] Bytes, int Offset);
