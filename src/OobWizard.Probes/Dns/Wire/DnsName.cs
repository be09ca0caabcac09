using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OobWizard.Probes.Dns.Wire;

/// <summary>
/// Domain names in presentation form: labels joined by dots, no trailing dot, the root as ".".
/// Bytes that are not printable ASCII, and "." or "\" inside a label, are escaped as in RFC 1035
/// section 5.1 (<c>\.</c>, <c>\\</c>, <c>\DDD</c>), so a name read off the wire always round-trips.
/// </summary>
public static class DnsName
{
    /// <summary>Longest label (RFC 1035 section 2.3.4).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Longest name in wire form, length bytes and the root byte included (RFC 1035 section 2.3.4).</summary>
    public const int MaxWireLength = 255;

    public const string Root = ".";

    /// <summary>Drops one trailing dot ("pc01.fabrikam.test." becomes "pc01.fabrikam.test").</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 1 && name.EndsWith('.') && !name.EndsWith("\\.", StringComparison.Ordinal))
        {
            return name[..^1];
        }

        return name.Length == 0 ? Root : name;
    }

    /// <summary>ASCII case-insensitive comparison (RFC 4343 section 3), trailing dots ignored.</summary>
    public static bool Equal(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Presentation form of one label read off the wire.</summary>
    public static void AppendLabel(StringBuilder sb, ReadOnlySpan<byte> label)
    {
        foreach (var b in label)
        {
            if (b == (byte)'.' || b == (byte)'\\')
            {
                sb.Append('\\').Append((char)b);
            }
            else if (b is > 0x20 and < 0x7F)
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('\\').Append(b.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>
    /// Splits a presentation-form name into wire labels, undoing escapes, and checks the limits of
    /// RFC 1035 section 2.3.4. Throws <see cref="ArgumentException"/> for a name that cannot be sent.
    /// </summary>
    public static IReadOnlyList<byte[]> ToLabels(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = Normalize(name);
        var labels = new List<byte[]>();
        if (name == Root)
        {
            return labels;
        }

        var current = new List<byte>();
        var wireLength = 1; // the root byte
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                Close();
                continue;
            }

            if (c == '\\')
            {
                if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) &&
                    char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
                {
                    var value = ((name[i + 1] - '0') * 100) + ((name[i + 2] - '0') * 10) + (name[i + 3] - '0');
                    if (value > 255)
                    {
                        throw new ArgumentException($"escape \\{name.Substring(i + 1, 3)} is not a byte", nameof(name));
                    }

                    current.Add((byte)value);
                    i += 3;
                    continue;
                }

                if (i + 1 >= name.Length)
                {
                    throw new ArgumentException("name ends in a lone backslash", nameof(name));
                }

                c = name[++i];
            }

            if (c > 0x7F)
            {
                // IDNs must be sent in their A-label (punycode) form; we never guess an encoding.
                throw new ArgumentException($"'{name}' has a non-ASCII character; use its xn-- form", nameof(name));
            }

            current.Add((byte)c);
        }

        Close();
        if (wireLength > MaxWireLength)
        {
            throw new ArgumentException($"'{name}' is {wireLength} bytes on the wire; the limit is {MaxWireLength}", nameof(name));
        }

        return labels;

        void Close()
        {
            if (current.Count == 0)
            {
                throw new ArgumentException($"'{name}' has an empty label", nameof(name));
            }

            if (current.Count > MaxLabelLength)
            {
                throw new ArgumentException($"'{name}' has a label of {current.Count} bytes; the limit is {MaxLabelLength}", nameof(name));
            }

            labels.Add(current.ToArray());
            wireLength += current.Count + 1;
            current.Clear();
        }
    }

    /// <summary>The name for a PTR query: in-addr.arpa (RFC 1035 section 3.5) or ip6.arpa (RFC 3596 section 2.5).</summary>
    public static string ReverseName(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var sb = new StringBuilder();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                sb.Append(bytes[i].ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('.');
            }

            return sb.Append("in-addr.arpa").ToString();
        }

        const string hex = "0123456789abcdef";
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            sb.Append(hex[bytes[i] & 0xF]).Append('.').Append(hex[bytes[i] >> 4]).Append('.');
        }

        return sb.Append("ip6.arpa").ToString();
    }

    /// <summary>The name without its first label ("pc01.fabrikam.test" gives "fabrikam.test"); null for a single label.</summary>
    public static string? Parent(string name)
    {
        name = Normalize(name);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\')
            {
                i++;
                continue;
            }

            if (name[i] == '.')
            {
                return i + 1 < name.Length ? name[(i + 1)..] : null;
            }
        }

        return null;
    }
}
