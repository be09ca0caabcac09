using System.Globalization;
using System.Net;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Probes.Dns;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// Finds the domain controllers of a domain as Windows clients do: the <c>_ldap._tcp.&lt;domain&gt;</c> SRV records
/// (RFC 2782, ordered by priority then weight), their targets' addresses from the same servers. Names are never
/// handed to libldap to resolve, so a lab or test domain never reaches the machine's resolver.
/// </summary>
public static class DomainControllerLocator
{
    /// <summary>The DCs of <paramref name="domain"/>, best first; empty with <paramref name="problem"/> set when none is found.</summary>
    public static async Task<(IReadOnlyList<DirectoryEndpoint> Endpoints, ProbeLine? Problem)> LocateAsync(
        string domain, LdapSecurity security, ProbeContext context, DnsProbeOptions dns, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var session = new DnsProbeSession(context, dns);
        if (session.Servers.Count == 0)
        {
            return ([], ProbeLine.Of("probe.ad.locate.no-dns-server", (session.ServerProblem ?? "no DNS server") + $" to find the domain controllers of {domain}; or name one with --dc HOST", domain));
        }

        var name = $"_ldap._tcp.{DnsName.Normalize(domain)}";
        foreach (var server in session.Servers)
        {
            var r = await dns.Client.QueryAsync(server, name, QueryType.SRV, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!DnsProbeSession.IsUsable(r))
            {
                evidence.Add(new Evidence($"SRV {name} at {server}", r.Response is null ? $"no answer: {r.Error}" : DnsRecordText.Rcode(r.ResponseCode!.Value)).Keyed("evidence.label.srv-at", name, server));
                continue;
            }

            var records = DnsAnswers.Final(r, QueryType.SRV).OfType<SrvRecord>()
                .Select(s => (Target: DnsName.Normalize(s.Target.Value), s.Port, s.Priority, s.Weight))
                .Where(s => s.Target != DnsName.Root)
                .OrderBy(s => s.Priority).ThenByDescending(s => s.Weight).ToList();
            evidence.Add(new Evidence($"SRV {name} at {server}", records.Count == 0 ? "no records" : string.Join(", ", records.Select(s => $"{s.Target}:{s.Port} (priority {s.Priority}, weight {s.Weight})"))).Keyed("evidence.label.srv-at", name, server));
            if (records.Count == 0)
            {
                return ([], ProbeLine.Of("probe.ad.locate.no-srv", $"no domain controller is published as {name} (SRV) at {server}; name one with --dc HOST", name, server));
            }

            var glue = r.Additionals.OfType<ARecord>().ToList();
            var endpoints = new List<DirectoryEndpoint>();
            foreach (var srv in records)
            {
                var addresses = glue.Where(a => DnsName.Equal(a.DomainName.Value, srv.Target)).Select(a => a.Address).ToList();
                if (addresses.Count == 0)
                {
                    var a = await dns.Client.QueryAsync(server, srv.Target, QueryType.A, cancellationToken: cancellationToken).ConfigureAwait(false);
                    addresses = DnsProbeSession.Addresses(a).ToList();
                }

                if (addresses.Count == 0)
                {
                    evidence.Add(new Evidence($"DC {srv.Target}", $"no address at {server}").Keyed("evidence.label.dc", srv.Target));
                    continue;
                }

                // SRV gives the plain LDAP port; LDAPS is 636 on the same host.
                var port = security == LdapSecurity.Ldaps ? DirectoryEndpoint.LdapsPort : srv.Port;
                endpoints.AddRange(addresses.Select(ip => new DirectoryEndpoint(ip.ToString(), port, security) { Name = srv.Target }));
            }

            return endpoints.Count == 0 ? ([], ProbeLine.Of("probe.ad.locate.no-address", $"the domain controllers of {domain} have no address at {server}", domain, server)) : (endpoints, null);
        }

        return ([], ProbeLine.Of("probe.ad.locate.no-answer", $"no DNS server gave a usable answer for {name}; name a DC with --dc HOST", name));
    }

    /// <summary>Text for an endpoint found by SRV: "dc01.corp.example.com (10.0.0.5:389)".</summary>
    public static string Describe(DirectoryEndpoint endpoint) =>
        endpoint.Name is { } n ? $"{n} ({endpoint.Host}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)})" : endpoint.ToString();

    internal static bool IsAddress(string host) => IPAddress.TryParse(host, out _);
}
