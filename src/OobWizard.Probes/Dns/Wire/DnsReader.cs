using System.Buffers.Binary;
using System.Text;

namespace OobWizard.Probes.Dns.Wire;

/// <summary>
/// A bounds-checked cursor over one DNS message in network byte order (RFC 1035 section 2.3.2).
/// Every read checks the remaining length and throws <see cref="DnsFormatException"/>, never
/// anything else; names follow compression pointers only strictly backwards, so reading always ends.
/// </summary>
public sealed class DnsReader
{
    private readonly ReadOnlyMemory<byte> _data;

    public DnsReader(ReadOnlyMemory<byte> data)
    {
        _data = data;
    }

    public int Position { get; private set; }

    public int Length => _data.Length;

    public int Remaining => _data.Length - Position;

    public byte ReadByte()
    {
        Need(1, "byte");
        return _data.Span[Position++];
    }

    public ushort ReadUInt16()
    {
        Need(2, "16-bit field");
        var value = BinaryPrimitives.ReadUInt16BigEndian(_data.Span[Position..]);
        Position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        Need(4, "32-bit field");
        var value = BinaryPrimitives.ReadUInt32BigEndian(_data.Span[Position..]);
        Position += 4;
        return value;
    }

    public ReadOnlyMemory<byte> ReadBytes(int count)
    {
        if (count < 0)
        {
            throw new DnsFormatException($"negative length {count}", Position);
        }

        Need(count, $"{count}-byte field");
        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    /// <summary>A &lt;character-string&gt;: one length byte then that many bytes (RFC 1035 section 3.3), within <paramref name="limit"/>.</summary>
    public string ReadCharacterString(int limit)
    {
        var start = Position;
        if (start >= limit)
        {
            throw new DnsFormatException("character-string starts past the end of its RDATA", start);
        }

        var length = ReadByte();
        if (Position + length > limit)
        {
            throw new DnsFormatException($"character-string of {length} bytes runs past the end of its RDATA", start);
        }

        return Encoding.UTF8.GetString(ReadBytes(length).Span);
    }

    /// <summary>Reads a name with no limit other than the message end.</summary>
    public string ReadName() => ReadName(_data.Length);

    /// <summary>
    /// Reads a possibly compressed name (RFC 1035 sections 3.1 and 4.1.4). The labels read before the
    /// first pointer must end by <paramref name="limit"/> (the end of the RDATA holding the name).
    /// Each pointer must point strictly before the start of the label run it ends, so every jump goes
    /// to a lower offset than the one before; this rules out loops and forward references.
    /// The wire length of the expanded name is limited to 255 bytes (RFC 1035 section 2.3.4).
    /// </summary>
    public string ReadName(int limit)
    {
        var span = _data.Span;
        var pos = Position;
        var runStart = pos;
        var jumped = false;
        var wireLength = 1; // the terminating root byte
        var sb = new StringBuilder();
        while (true)
        {
            var end = jumped ? _data.Length : Math.Min(limit, _data.Length);
            if (pos >= end)
            {
                throw new DnsFormatException("name runs past the end of its data", pos);
            }

            var length = span[pos];
            switch (length & 0xC0)
            {
                case 0x00:
                    if (length == 0)
                    {
                        if (!jumped)
                        {
                            Position = pos + 1;
                        }

                        return sb.Length == 0 ? DnsName.Root : sb.ToString();
                    }

                    if (pos + 1 + length > end)
                    {
                        throw new DnsFormatException($"label of {length} bytes runs past the end of its data", pos);
                    }

                    wireLength += length + 1;
                    if (wireLength > DnsName.MaxWireLength)
                    {
                        throw new DnsFormatException($"name longer than {DnsName.MaxWireLength} bytes", pos);
                    }

                    if (sb.Length > 0)
                    {
                        sb.Append('.');
                    }

                    DnsName.AppendLabel(sb, span.Slice(pos + 1, length));
                    pos += 1 + length;
                    break;

                case 0xC0:
                    if (pos + 1 >= end)
                    {
                        throw new DnsFormatException("compression pointer cut short", pos);
                    }

                    var target = ((length & 0x3F) << 8) | span[pos + 1];
                    if (target >= runStart)
                    {
                        throw new DnsFormatException($"compression pointer to {target} does not point strictly backwards (before {runStart})", pos);
                    }

                    if (!jumped)
                    {
                        Position = pos + 2;
                        jumped = true;
                    }

                    runStart = target;
                    pos = target;
                    break;

                default:
                    // 0x40 (extended, RFC 6891 section 5) and 0x80 (reserved) label types are not in use.
                    throw new DnsFormatException($"unsupported label type 0x{length & 0xC0:X2}", pos);
            }
        }
    }

    private void Need(int count, string what)
    {
        if (count > Remaining)
        {
            throw new DnsFormatException($"message ends inside a {what} ({Remaining} of {count} bytes left)", Position);
        }
    }
}
