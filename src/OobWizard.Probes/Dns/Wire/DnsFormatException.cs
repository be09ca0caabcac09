namespace OobWizard.Probes.Dns.Wire;

/// <summary>
/// The only exception <see cref="DnsMessageReader"/> throws: the bytes are not a well-formed DNS message
/// (RFC 1035 section 4.1). Carries the offset where reading stopped, for evidence.
/// </summary>
public sealed class DnsFormatException : Exception
{
    public DnsFormatException(string message, int offset)
        : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    public int Offset { get; }
}
