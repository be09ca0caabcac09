using System.Globalization;
using System.Net;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>A domain controller to talk to: host (name or address), port, and how the connection is protected.</summary>
public sealed record DirectoryEndpoint(string Host, int Port, LdapSecurity Security)
{
    /// <summary>The DC's DNS name when it was found by SRV and <see cref="Host"/> is its address.</summary>
    public string? Name { get; init; }

    public const int LdapPort = 389;
    public const int LdapsPort = 636;
    public const int GlobalCatalogPort = 3268;
    public const int GlobalCatalogTlsPort = 3269;

    /// <summary>The default port for <paramref name="security"/>: 636 for LDAPS, else 389.</summary>
    public static int DefaultPort(LdapSecurity security) => security == LdapSecurity.Ldaps ? LdapsPort : LdapPort;

    /// <summary>Parses <c>HOST[:PORT]</c> or <c>[IPv6]:PORT</c>.</summary>
    public static bool TryParse(string? text, LdapSecurity security, out DirectoryEndpoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        string host;
        int port = DefaultPort(security);
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return false;
            host = s[1..close];
            var rest = s[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryPort(rest[1..], out port))) return false;
            if (!IPAddress.TryParse(host, out _)) return false;
        }
        else if (s.Count(c => c == ':') == 1)
        {
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            host = s[..colon];
            if (!TryPort(s[(colon + 1)..], out port)) return false;
        }
        else if (s.Contains(':', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(s, out _)) return false;
            host = s;
        }
        else
        {
            host = s;
        }

        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '@')) return false;
        endpoint = new DirectoryEndpoint(host, port, security);
        return true;
    }

    /// <summary>The global catalog on the same host (3268, or 3269 for LDAPS): one search over every domain of the forest.</summary>
    public DirectoryEndpoint GlobalCatalog() => this with
    {
        Port = Security == LdapSecurity.Ldaps ? GlobalCatalogTlsPort : GlobalCatalogPort,
    };

    public string Url => (Security == LdapSecurity.Ldaps ? "ldaps://" : "ldap://") + (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Url + (Security == LdapSecurity.StartTls ? " (StartTLS)" : "");

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;
}
