using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>
/// Finds the servers authoritative for a name's zone: the SOA owner (in the answer, or in the
/// authority section of a negative answer, RFC 2308 section 3), then its NS records (RFC 1035
/// section 3.3.11) and their addresses (glue in the additional section, else an A query).
/// An NS address that is one of the session's servers keeps that server's port; others use 53.
/// </summary>
public static class AuthoritativeServers
{
    private const int MaxServers = 4;

    /// <summary>Asks only <paramref name="servers"/> (those that answered before), so a dead server costs its timeout once.</summary>
    public static async Task<(string? Zone, IReadOnlyList<DnsServerEndpoint> Servers)> FindAsync(
        DnsProbeSession session, IReadOnlyList<DnsServerEndpoint> servers, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var soaAnswers = await session.AskAsync(servers, name, QueryType.SOA, cancellationToken).ConfigureAwait(false);
        var soa = soaAnswers.SelectMany(r => r.Answers.Concat(r.Authorities))
            .OfType<SoaRecord>()
            .FirstOrDefault();
        if (soa is null)
        {
            session.Add("authoritative", "no server named the zone (no SOA in any answer)");
            return (null, []);
        }

        var zone = DnsRecordText.Name(soa);
        var nsAnswers = await session.AskAsync(servers, zone, QueryType.NS, cancellationToken).ConfigureAwait(false);
        var hosts = nsAnswers.SelectMany(r => r.Answers).OfType<NsRecord>().Select(n => DnsName.Normalize(n.NSDName.Value))
            .Append(DnsName.Normalize(soa.MName.Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var glue = nsAnswers.SelectMany(r => r.Additionals).ToList();

        var endpoints = new List<DnsServerEndpoint>();
        foreach (var host in hosts)
        {
            var addresses = glue.Where(g => DnsName.Equal(g.DomainName.Value, host)).OfType<AddressRecord>().Select(g => g.Address).ToList();
            if (addresses.Count == 0)
            {
                var lookups = await session.AskAsync(servers, host, QueryType.A, cancellationToken).ConfigureAwait(false);
                addresses = lookups.Where(DnsProbeSession.IsUsable).SelectMany(DnsProbeSession.Addresses).Distinct().ToList();
            }

            foreach (var address in addresses)
            {
                var known = session.Servers.FirstOrDefault(s => IPAddress.TryParse(s.Host, out var a) && a.Equals(address));
                var endpoint = known ?? DnsServerEndpoint.FromAddress(address);
                if (!endpoints.Contains(endpoint) && endpoints.Count < MaxServers)
                {
                    endpoints.Add(endpoint);
                }
            }
        }

        session.Add("authoritative", endpoints.Count == 0
            ? $"zone {zone}: no address for its name servers ({string.Join(", ", hosts)})"
            : $"zone {zone}: {string.Join(", ", hosts)} at {string.Join(", ", endpoints)}");
        return (zone, endpoints);
    }
}
