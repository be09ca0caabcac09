using System.Globalization;
using System.Net;

namespace OobWizard.Cli;

/// <summary>
/// What a user may type as <c>--target</c>: a name or address, <c>host:port</c>, <c>[v6]:port</c>, or a URL
/// <c>http(s)://host[:port][/wsman]</c>. The port goes to the option it belongs to: a URL's scheme says which
/// (https = the TLS port, and TLS is used); a bare <c>host:port</c> is the TLS port when it is 16993, else the HTTP
/// port. Anything else is refused with one line naming what was wrong.
/// </summary>
public sealed record TargetSpec(string Host, int? HttpPort, int? TlsPort, bool Tls)
{
    /// <param name="what">How errors name the value: the option (<c>--target</c>) or a target list's column (<c>host</c>).</param>
    public static bool TryParse(string? text, out TargetSpec? spec, out string error, string what = "--target")
    {
        spec = null;
        error = "";
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            error = Messages.Current.Format("target.empty", what);
            return false;
        }

        if (t.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(t, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                error = Messages.Current.Format("target.scheme", what, t);
                return false;
            }

            if (uri.UserInfo.Length > 0)
            {
                error = Messages.Current.Format("target.credentials", what);
                return false;
            }

            var https = uri.Scheme == "https";
            int? port = uri.IsDefaultPort ? null : uri.Port;
            spec = new TargetSpec(uri.IdnHost.Trim('[', ']'), https ? null : port, https ? port : null, https);
            return true;
        }

        if (IPAddress.TryParse(t.Trim('[', ']'), out var bare) && (!t.StartsWith('[') || t.EndsWith(']')))
        {
            spec = new TargetSpec(bare.ToString(), null, null, false);
            return true;
        }

        string host;
        string? portText = null;
        if (t.StartsWith('['))
        {
            var close = t.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < t.Length && t[close + 1] != ':'))
            {
                error = Messages.Current.Format("target.ipv6-port", what, t);
                return false;
            }

            host = t[1..close];
            if (close + 1 < t.Length) portText = t[(close + 2)..];
        }
        else
        {
            var colon = t.LastIndexOf(':');
            host = colon < 0 ? t : t[..colon];
            if (colon >= 0) portText = t[(colon + 1)..];
        }

        int? p = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 65535)
            {
                error = Messages.Current.Format("target.bad-port", what, t, portText);
                return false;
            }

            p = n;
        }

        if (!IsHostName(host) && !IPAddress.TryParse(host, out _))
        {
            error = Messages.Current.Format("target.bad-host", what, t, host);
            return false;
        }

        spec = p == 16993 ? new TargetSpec(host, null, p, true) : new TargetSpec(host, p, null, false);
        return true;
    }

    /// <summary>RFC 1123 labels: letters, digits, hyphens (underscores tolerated, as AD names carry them), dots between.</summary>
    public static bool IsHostName(string host)
    {
        var name = host.TrimEnd('.');
        if (name.Length is 0 or > 253) return false;
        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }

        return true;
    }
}
