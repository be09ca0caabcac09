namespace OobWizard.Probes.Dns.Wire;

/// <summary>The 12-byte message header (RFC 1035 section 4.1.1).</summary>
public sealed record DnsHeader(ushort Id, ushort Flags, ushort QuestionCount, ushort AnswerCount, ushort AuthorityCount, ushort AdditionalCount)
{
    public const int Size = 12;

    // Flag bits in the second 16-bit word: QR(15) OPCODE(14-11) AA(10) TC(9) RD(8) RA(7) Z(6-4) RCODE(3-0).
    public const ushort QrBit = 0x8000;
    public const ushort AaBit = 0x0400;
    public const ushort TcBit = 0x0200;
    public const ushort RdBit = 0x0100;
    public const ushort RaBit = 0x0080;

    public bool IsResponse => (Flags & QrBit) != 0;
    public int OpCode => (Flags >> 11) & 0xF;
    public bool Authoritative => (Flags & AaBit) != 0;
    public bool Truncated => (Flags & TcBit) != 0;
    public bool RecursionDesired => (Flags & RdBit) != 0;
    public bool RecursionAvailable => (Flags & RaBit) != 0;
    public DnsResponseCode ResponseCode => (DnsResponseCode)(Flags & 0xF);

    /// <summary>dig-like flag list, for evidence ("qr aa rd").</summary>
    public string FlagText
    {
        get
        {
            var parts = new List<string>(5);
            if (IsResponse) parts.Add("qr");
            if (Authoritative) parts.Add("aa");
            if (Truncated) parts.Add("tc");
            if (RecursionDesired) parts.Add("rd");
            if (RecursionAvailable) parts.Add("ra");
            return string.Join(' ', parts);
        }
    }
}
