using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Probes.Dns;

/// <summary>Reads answers the way a stub resolver does: follow the CNAME chain inside the answer section (RFC 1034 section 3.6.2).</summary>
public static class DnsAnswers
{
    private const int MaxChain = 16;

    /// <summary>The records of <paramref name="type"/> owned by the end of the question name's CNAME chain.</summary>
    public static IReadOnlyList<DnsRecord> Final(DnsQueryResult result, DnsRecordType type)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = CanonicalName(result.Answers, result.Question.Name, out _);
        return result.Answers.Where(r => r.Type == type && DnsName.Equal(r.Name, name)).ToList();
    }

    /// <summary>The CNAME chain starting at <paramref name="name"/>, as found in <paramref name="answers"/>.</summary>
    public static IReadOnlyList<CnameRecord> Chain(IReadOnlyList<DnsRecord> answers, string name)
    {
        CanonicalName(answers, name, out var chain);
        return chain;
    }

    private static string CanonicalName(IReadOnlyList<DnsRecord> answers, string name, out List<CnameRecord> chain)
    {
        chain = [];
        for (var i = 0; i < MaxChain; i++)
        {
            var current = name;
            var next = answers.OfType<CnameRecord>().FirstOrDefault(c => DnsName.Equal(c.Name, current));
            if (next is null || chain.Contains(next))
            {
                break;
            }

            chain.Add(next);
            name = next.Target;
        }

        return name;
    }
}
