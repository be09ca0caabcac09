using System.Globalization;
using System.Net;

namespace OobWizard.Probes.Host;

/// <summary>
/// The address-selection policy table (RFC 6724 section 2.1; glibc's gai.conf follows RFC 3484):
/// the destination with the higher precedence is tried first. Decides whether IPv6 goes before
/// IPv4 for a name that has both.
/// </summary>
public sealed class PrefixPolicy
{
    /// <summary>glibc's built-in table when gai.conf has no precedence line (RFC 3484 section 2.1).</summary>
    public static readonly PrefixPolicy GlibcDefault = new("glibc default (RFC 3484)",
    [
        (IPNetwork.Parse("::1/128"), 50),
        (IPNetwork.Parse("::/0"), 40),
        (IPNetwork.Parse("2002::/16"), 30),
        (IPNetwork.Parse("::/96"), 20),
        (IPNetwork.Parse("::ffff:0:0/96"), 10),
    ]);

    // Samples: a global unicast IPv6 address and an IPv4 address in its mapped form (RFC 6724 section 2.1).
    private static readonly IPAddress SampleIpv6 = IPAddress.Parse("2a00::1");
    private static readonly IPAddress SampleIpv4 = IPAddress.Parse("::ffff:192.0.2.1");

    public PrefixPolicy(string source, IReadOnlyList<(IPNetwork Prefix, int Precedence)> entries)
    {
        Source = source;
        Entries = entries;
    }

    public string Source { get; }

    public IReadOnlyList<(IPNetwork Prefix, int Precedence)> Entries { get; }

    public int? Ipv6Precedence => PrecedenceOf(SampleIpv6);

    public int? Ipv4Precedence => PrecedenceOf(SampleIpv4);

    /// <summary>IPv6 destinations sort before IPv4 ones (RFC 6724 section 6, rule 6).</summary>
    public bool PrefersIpv6 => (Ipv6Precedence ?? 0) > (Ipv4Precedence ?? 0);

    public int? PrecedenceOf(IPAddress address)
    {
        return Entries.Where(e => Contains(e.Prefix, address))
            .OrderByDescending(e => e.Prefix.PrefixLength)
            .Select(e => (int?)e.Precedence)
            .FirstOrDefault();
    }

    /// <summary>
    /// Bitwise prefix match on the 16 address bytes. (IPNetwork.Contains answers false for an
    /// IPv4-mapped address inside ::ffff:0:0/96, which is exactly the entry this probe needs.)
    /// </summary>
    public static bool Contains(IPNetwork prefix, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var net = prefix.BaseAddress.GetAddressBytes();
        var bytes = address.GetAddressBytes();
        if (net.Length != bytes.Length)
        {
            return false;
        }

        var bits = prefix.PrefixLength;
        for (var i = 0; i < net.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((net[i] & mask) != (bytes[i] & mask))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>gai.conf: any <c>precedence MASK VALUE</c> line replaces the whole default table (gai.conf(5)).</summary>
    public static PrefixPolicy FromGaiConf(string? text)
    {
        var entries = new List<(IPNetwork, int)>();
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == "precedence" &&
                IPNetwork.TryParse(parts[1], out var prefix) &&
                int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                entries.Add((prefix, value));
            }
        }

        return entries.Count == 0 ? GlibcDefault : new PrefixPolicy("/etc/gai.conf", entries);
    }

    /// <summary>Rows of <c>netsh interface ipv6 show prefixpolicies</c>: "Precedence Label Prefix".</summary>
    public static PrefixPolicy? FromNetsh(string? text)
    {
        var entries = new List<(IPNetwork, int)>();
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var parts = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 &&
                int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var precedence) &&
                int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _) &&
                IPNetwork.TryParse(parts[2], out var prefix))
            {
                entries.Add((prefix, precedence));
            }
        }

        return entries.Count == 0 ? null : new PrefixPolicy("netsh interface ipv6 show prefixpolicies", entries);
    }
}
