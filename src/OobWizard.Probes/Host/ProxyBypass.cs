using System.Net;

namespace OobWizard.Probes.Host;

/// <summary>
/// Whether a host is exempt from a proxy: a no_proxy list (commas; <c>*</c>, suffixes with or without
/// a leading dot, addresses, CIDR blocks) or a WinHTTP bypass list (semicolons; <c>*.suffix</c>, <c>&lt;local&gt;</c>).
/// </summary>
public static class ProxyBypass
{
    public static bool Matches(string? list, string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.IsNullOrWhiteSpace(list))
        {
            return false;
        }

        host = host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        var isAddress = IPAddress.TryParse(host, out var address);
        foreach (var raw in list.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim().ToLowerInvariant();
            if (entry == "*")
            {
                return true;
            }

            if (entry == "<local>")
            {
                if (!isAddress && !host.Contains('.', StringComparison.Ordinal))
                {
                    return true;
                }

                continue;
            }

            if (isAddress)
            {
                if ((IPAddress.TryParse(entry, out var a) && a.Equals(address)) ||
                    (IPNetwork.TryParse(entry, out var net) && net.Contains(address!)))
                {
                    return true;
                }

                continue;
            }

            var suffix = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry.TrimStart('.');
            if (suffix.Length > 0 && (host == suffix || host.EndsWith("." + suffix, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
