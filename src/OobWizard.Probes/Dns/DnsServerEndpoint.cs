using System.Globalization;
using System.Net;

namespace OobWizard.Probes.Dns;

/// <summary>A server to ask, as given by <c>--dns SERVER[:PORT]</c>: an address or host name, port 53 unless told.</summary>
public sealed record DnsServerEndpoint(string Host, int Port = DnsServerEndpoint.DefaultPort)
{
    /// <summary>RFC 1035 section 4.2: port 53 for UDP and TCP.</summary>
    public const int DefaultPort = 53;

    public static DnsServerEndpoint FromAddress(IPAddress address, int port = DefaultPort) => new(address.ToString(), port);

    /// <summary>Accepts <c>127.0.0.3</c>, <c>127.0.0.3:5353</c>, <c>::1</c>, <c>[::1]:5353</c>, <c>dns1.corp</c>, <c>dns1.corp:53</c>.</summary>
    public static bool TryParse(string? text, out DnsServerEndpoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        string host;
        var port = DefaultPort;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryPort(rest[1..], out port)))
            {
                return false;
            }
        }
        else if (text.Count(c => c == ':') > 1)
        {
            host = text; // a bare IPv6 address
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            if (colon >= 0 && !TryPort(text[(colon + 1)..], out port))
            {
                return false;
            }
        }

        if (host.Length == 0 || (host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _)))
        {
            return false;
        }

        endpoint = new DnsServerEndpoint(host, port);
        return true;
    }

    public static DnsServerEndpoint Parse(string text) =>
        TryParse(text, out var endpoint) ? endpoint! : throw new FormatException($"'{text}' is not SERVER[:PORT]");

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;
}
