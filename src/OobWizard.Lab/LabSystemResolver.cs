using System.Diagnostics;
using System.Net;
using DnsClient;
using DnsClient.Protocol;
using OobWizard.Probes.Dns;

namespace OobWizard.Lab;

/// <summary>
/// Stands in for the operating system's resolver in the lab: asks the lab DNS server, so comparing
/// "what the OS resolves" with the servers never sends a lab name to the machine's real resolver.
/// </summary>
public sealed class LabSystemResolver(DnsServerEndpoint server) : ISystemResolver
{
    private readonly DnsClientAdapter _client = new(TimeSpan.FromSeconds(2), udpAttempts: 1);

    public async Task<SystemResolution> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (IPAddress.TryParse(name, out var literal))
        {
            return new SystemResolution([literal], null, stopwatch.Elapsed);
        }

        var result = await _client.QueryAsync(server, name, QueryType.A, cancellationToken: cancellationToken).ConfigureAwait(false);
        var addresses = result.Answers.OfType<ARecord>().Select(a => a.Address).ToArray();
        var error = result.Answered
            ? addresses.Length == 0 ? $"HostNotFound: {DnsRecordText.Rcode(result.ResponseCode!.Value)}" : null
            : result.Error;
        return new SystemResolution(addresses, error, stopwatch.Elapsed);
    }
}
