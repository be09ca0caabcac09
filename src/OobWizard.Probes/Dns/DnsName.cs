using System.Net;
using System.Text;

namespace OobWizard.Probes.Dns;

/// <summary>
/// Domain names in presentation form as the probes show them: labels joined by dots, no trailing
/// dot, the root as ".". DnsClient gives names with the trailing dot ("pc01.fabrikam.test.") and
/// escapes bytes outside printable ASCII as <c>\DDD</c>; <see cref="Normalize"/> drops the dot.
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

    /// <summary>
    /// Why <paramref name="name"/> cannot be put into a question, or null. DnsClient 1.8.0 writes an
    /// empty label as a zero byte, which ends the name early and sends another question than the one
    /// meant, and it has no escapes; so: no empty label, no backslash, labels of at most 63 bytes and
    /// at most 255 bytes on the wire (RFC 1035 section 2.3.4), and ASCII only (an IDN in its xn-- form).
    /// </summary>
    public static string? QuestionProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = Normalize(name);
        if (name == Root)
        {
            return null;
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return $"'{name}' has an escaped byte";
        }

        if (name.Any(c => c > 0x7E || c <= 0x20))
        {
            return $"'{name}' has a character outside printable ASCII; use its xn-- form";
        }

        var labels = name.Split('.');
        if (labels.Any(l => l.Length == 0))
        {
            return $"'{name}' has an empty label";
        }

        if (labels.FirstOrDefault(l => l.Length > MaxLabelLength) is { } longLabel)
        {
            return $"'{name}' has a label of {longLabel.Length} bytes; the limit is {MaxLabelLength}";
        }

        var wire = Encoding.ASCII.GetByteCount(name) + 2;
        return wire > MaxWireLength ? $"'{name}' is {wire} bytes on the wire; the limit is {MaxWireLength}" : null;
    }

    /// <summary>The name for a PTR query: in-addr.arpa (RFC 1035 section 3.5) or ip6.arpa (RFC 3596 section 2.5), through DnsClient's <c>GetArpaName</c>.</summary>
    public static string ReverseName(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Normalize((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).GetArpaName());
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
