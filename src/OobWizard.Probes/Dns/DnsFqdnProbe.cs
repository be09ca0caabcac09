using System.Text;
using DnsClient;

namespace OobWizard.Probes.Dns;

/// <summary>
/// dns.fqdn: the AMT FQDN is a valid host name (RFC 1123 section 2.1, RFC 1035 section 2.3.1),
/// no longer than the 44 bytes AMT after 3.x accepts, and its DNS suffix equals the AD domain name
/// when that is known (<c>--domain</c>); a different suffix is a disjoint namespace.
/// </summary>
public sealed class DnsFqdnProbe : DnsProbe
{
    /// <summary>Longest FQDN AMT later than 3.x accepts (the SP2 wireless-provisioning limit).</summary>
    public const int AmtMaxFqdnBytes = 44;

    public DnsFqdnProbe(DnsProbeOptions options)
        : base(options)
    {
    }

    public override string Id => "dns.fqdn";

    public override string Description => "The AMT FQDN is valid, at most 44 bytes, and its DNS suffix matches the AD domain";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "too-long", "disjoint", "invalid"];

    protected override async Task<ProbeResult> RunAsync(DnsProbeSession session, CancellationToken cancellationToken)
    {
        var name = session.TargetName(out var reason);
        if (name is null)
        {
            return ProbeResult.Inconclusive(Id, reason, session.Evidence);
        }

        var problem = SyntaxProblem(name);
        if (problem is not null)
        {
            session.Add("syntax", problem);
            return ProbeResult.Finding(Id, "invalid", $"'{name}' is not a valid FQDN: {problem}", session.Evidence).Keyed("probe.dns.fqdn.invalid", name, problem);
        }

        var bytes = Encoding.ASCII.GetByteCount(name);
        session.Add("length", $"{bytes} bytes (AMT accepts at most {AmtMaxFqdnBytes})");
        var suffix = DnsName.Parent(name)!;
        session.Add("DNS suffix", suffix);
        var domain = string.IsNullOrWhiteSpace(session.Context.Domain) ? null : DnsName.Normalize(session.Context.Domain.Trim());
        var disjoint = false;
        if (domain is null)
        {
            session.Add("AD domain", "unknown (give --domain to check for a disjoint namespace)");
            if (session.Servers.Count > 0)
            {
                // A hint only: an AD domain publishes _ldap._tcp SRV records for its DCs.
                var srv = await session.AskAllAsync($"_ldap._tcp.{suffix}", QueryType.SRV, cancellationToken).ConfigureAwait(false);
                var hasDc = srv.Any(r => DnsAnswers.Final(r, QueryType.SRV).Count > 0);
                session.Add("suffix is an AD domain", hasDc ? $"yes: _ldap._tcp.{suffix} has DCs" : $"not seen: no _ldap._tcp.{suffix} SRV records");
            }
        }
        else
        {
            session.Add("AD domain", domain);
            disjoint = !DnsName.Equal(suffix, domain);
        }

        if (bytes > AmtMaxFqdnBytes)
        {
            var more = disjoint ? $"; its suffix {suffix} also differs from the AD domain {domain}" : string.Empty;
            var diagnoses = disjoint ? new[] { "prov.wireless", "prov.disjoint-namespace" } : ["prov.wireless"];
            return ProbeResult.Finding(Id, "too-long", $"{name} is {bytes} bytes, over the {AmtMaxFqdnBytes} AMT accepts{more}", session.Evidence, diagnoses)
                .Keyed(disjoint ? ProbeLine.Of("probe.dns.fqdn.too-long-disjoint", "", name, bytes, AmtMaxFqdnBytes, suffix, domain) : ProbeLine.Of("probe.dns.fqdn.too-long", "", name, bytes, AmtMaxFqdnBytes));
        }

        if (disjoint)
        {
            return ProbeResult.Finding(Id, "disjoint",
                $"the DNS suffix {suffix} differs from the AD domain {domain}: a disjoint namespace", session.Evidence, "prov.disjoint-namespace").Keyed("probe.dns.fqdn.disjoint", suffix, domain);
        }

        return ProbeResult.Pass(Id, domain is null
            ? $"{name} is a valid FQDN of {bytes} bytes (AD domain not known)"
            : $"{name} is a valid FQDN of {bytes} bytes in the AD domain {domain}", session.Evidence)
            .Keyed(domain is null ? ProbeLine.Of("probe.dns.fqdn.pass", "", name, bytes) : ProbeLine.Of("probe.dns.fqdn.pass-domain", "", name, bytes, domain));
    }

    /// <summary>Host-name rules: at least two labels, LDH labels of 1-63 characters not starting or ending in a hyphen, at most 253 characters, a non-numeric last label.</summary>
    public static string? SyntaxProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = DnsName.Normalize(name);
        if (name.Length > 253)
        {
            return $"{name.Length} characters, over 253";
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            return "a single label: no domain suffix";
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > DnsName.MaxLabelLength)
            {
                return $"label '{label}' has {label.Length} characters (1-63 allowed)";
            }

            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return $"label '{label}' has a character other than a letter, digit or hyphen";
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                return $"label '{label}' starts or ends with a hyphen";
            }
        }

        return labels[^1].All(char.IsAsciiDigit) ? "the last label is all digits" : null;
    }
}
