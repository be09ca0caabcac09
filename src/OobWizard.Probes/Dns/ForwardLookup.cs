using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace OobWizard.Probes.Dns;

/// <summary>A and AAAA for one name at every server of a session: the union of addresses and what each server said.</summary>
public sealed class ForwardLookup
{
    private ForwardLookup(string name, IReadOnlyList<DnsQueryResult> a, IReadOnlyList<DnsQueryResult> aaaa)
    {
        Name = name;
        A = a;
        Aaaa = aaaa;
        IPv4 = a.Where(DnsProbeSession.IsUsable).SelectMany(DnsProbeSession.Addresses)
            .Where(x => x.AddressFamily == AddressFamily.InterNetwork).Distinct().OrderBy(x => x.ToString(), StringComparer.Ordinal).ToList();
        IPv6 = aaaa.Where(DnsProbeSession.IsUsable).SelectMany(DnsProbeSession.Addresses)
            .Where(x => x.AddressFamily == AddressFamily.InterNetworkV6).Distinct().OrderBy(x => x.ToString(), StringComparer.Ordinal).ToList();
        UsableServers = a.Count(DnsProbeSession.IsUsable);
    }

    public string Name { get; }

    public IReadOnlyList<DnsQueryResult> A { get; }

    public IReadOnlyList<DnsQueryResult> Aaaa { get; }

    public IReadOnlyList<IPAddress> IPv4 { get; }

    public IReadOnlyList<IPAddress> IPv6 { get; }

    /// <summary>Servers whose A answer was NOERROR or NXDOMAIN.</summary>
    public int UsableServers { get; }

    /// <summary>"NXDOMAIN at 127.0.0.3:5353, NOERROR at 127.0.0.4:5354".</summary>
    public string RcodeText => string.Join(", ", A.Select(r =>
        r.Response is null ? $"no answer from {r.Server}" : $"{DnsRecordText.Rcode(r.Response.Header.ResponseCode)} at {r.Server}"));

    public static async Task<ForwardLookup> RunAsync(DnsProbeSession session, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var a = session.AskAllAsync(name, QueryType.A, cancellationToken);
        var aaaa = session.AskAllAsync(name, QueryType.AAAA, cancellationToken);
        return new ForwardLookup(name, await a.ConfigureAwait(false), await aaaa.ConfigureAwait(false));
    }
}
