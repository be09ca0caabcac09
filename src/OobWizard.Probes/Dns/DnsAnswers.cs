using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>Reads answers the way a stub resolver does: follow the CNAME chain inside the answer section (RFC 1034 section 3.6.2).</summary>
public static class DnsAnswers
{
    private const int MaxChain = 16;

    /// <summary>The records of <paramref name="type"/> owned by the end of the question name's CNAME chain.</summary>
    public static IReadOnlyList<DnsResourceRecord> Final(DnsQueryResult result, QueryType type)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = CanonicalName(result.Answers, result.Name, out _);
        return result.Answers.Where(r => (int)r.RecordType == (int)type && DnsName.Equal(r.DomainName.Value, name)).ToList();
    }

    /// <summary>The CNAME chain starting at <paramref name="name"/>, as found in <paramref name="answers"/>.</summary>
    public static IReadOnlyList<CNameRecord> Chain(IReadOnlyList<DnsResourceRecord> answers, string name)
    {
        CanonicalName(answers, name, out var chain);
        return chain;
    }

    /// <summary>Where a CNAME points, without the trailing dot.</summary>
    public static string Target(CNameRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return DnsName.Normalize(record.CanonicalName.Value);
    }

    private static string CanonicalName(IReadOnlyList<DnsResourceRecord> answers, string name, out List<CNameRecord> chain)
    {
        chain = [];
        for (var i = 0; i < MaxChain; i++)
        {
            var current = name;
            var next = answers.OfType<CNameRecord>().FirstOrDefault(c => DnsName.Equal(c.DomainName.Value, current));
            if (next is null || chain.Contains(next))
            {
                break;
            }

            chain.Add(next);
            name = Target(next);
        }

        return name;
    }
}
