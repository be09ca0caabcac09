using System.Buffers.Binary;
using System.Text;

namespace OobWizard.Probes.Dns.Wire;

/// <summary>
/// Appends fields in network byte order (RFC 1035 section 2.3.2). Names are written uncompressed,
/// which every reader must accept (RFC 1035 section 4.1.4 makes compression optional).
/// </summary>
public sealed class DnsWriter
{
    private readonly List<byte> _buffer = [];

    public int Position => _buffer.Count;

    public void WriteByte(byte value) => _buffer.Add(value);

    public void WriteUInt16(ushort value)
    {
        Span<byte> tmp = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(tmp, value);
        _buffer.AddRange(tmp);
    }

    public void WriteUInt32(uint value)
    {
        Span<byte> tmp = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tmp, value);
        _buffer.AddRange(tmp);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.AddRange(bytes);

    /// <summary>Length-prefixed labels ending in the root byte (RFC 1035 section 3.1); limits checked by <see cref="DnsName.ToLabels"/>.</summary>
    public void WriteName(string name)
    {
        foreach (var label in DnsName.ToLabels(name))
        {
            _buffer.Add((byte)label.Length);
            _buffer.AddRange(label);
        }

        _buffer.Add(0);
    }

    /// <summary>A &lt;character-string&gt; (RFC 1035 section 3.3): at most 255 bytes.</summary>
    public void WriteCharacterString(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > 255)
        {
            throw new ArgumentException($"character-string of {bytes.Length} bytes; the limit is 255", nameof(text));
        }

        _buffer.Add((byte)bytes.Length);
        _buffer.AddRange(bytes);
    }

    /// <summary>Overwrites a 16-bit field already written (used for RDLENGTH).</summary>
    public void PatchUInt16(int offset, ushort value)
    {
        _buffer[offset] = (byte)(value >> 8);
        _buffer[offset + 1] = (byte)value;
    }

    public byte[] ToArray() => _buffer.ToArray();
}
