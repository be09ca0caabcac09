using System.DirectoryServices.Protocols;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// ad.namespace: a disjoint namespace, decided from the directory rather than guessed from the name. Finds the AMT
/// computer's account (<c>&lt;ComputerName&gt;$</c>) in the forest, takes its domain from the account's DN and its
/// DNS name from dNSHostName, and compares the DNS suffixes (of dNSHostName and of the FQDN in use) with the domain's
/// DNS name: computer1.corp.example.com in the domain na.corp.example.com is disjoint. The domain's
/// msDS-AllowedDNSSuffixes is shown as evidence (it is how such namespaces are allowed).
/// Verdicts: pass, disjoint.
/// </summary>
public sealed class AdNamespaceProbe : DirectoryProbe
{
    public AdNamespaceProbe(DirectoryProbeOptions? options = null)
        : base(options)
    {
    }

    public override string Id => "ad.namespace";

    public override string Description => "The AMT computer's DNS suffix is its AD domain's DNS name (no disjoint namespace)";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "disjoint"];

    protected override ProbeResult? Precondition(ProbeContext context)
    {
        var fqdn = context.Fqdn ?? context.Target;
        return string.IsNullOrWhiteSpace(fqdn) || DomainControllerLocator.IsAddress(fqdn.Trim('[', ']'))
            ? ProbeResult.Inconclusive(Id, "no computer name: give --target as the AMT computer's FQDN").Keyed("probe.ad.no-computer-name")
            : null;
    }

    protected override ProbeResult Run(DirectoryProbeSession session, object? state)
    {
        var fqdn = session.ComputerFqdn()!;
        var name = session.ComputerName()!;
        var reader = session.Open();
        var root = reader.RootDse();
        session.Add("FQDN in use", fqdn);

        var gc = session.OpenGlobalCatalog();
        var found = (gc ?? reader).Search(gc is not null ? "" : root.First("defaultNamingContext") ?? "", SearchScope.Subtree,
            $"(&(objectClass=computer)(sAMAccountName={LdapFilter.Escape(name + "$")}))", ["dNSHostName"], sizeLimit: 5).Entries;
        string domain;
        string? dnsHostName = null;
        if (found.Count > 0)
        {
            var account = found[0];
            domain = DistinguishedName.DomainOf(account.Dn) ?? DirectoryProbeSession.DcDomain(root) ?? "";
            dnsHostName = account.First("dNSHostName");
            session.Add("computer account", account.Dn);
            session.Add(Evidence.Ours("dNSHostName", dnsHostName ?? "(not set)"));
            if (found.Count > 1) session.Add("other accounts of that name", string.Join("; ", found.Skip(1).Select(e => e.Dn)));
        }
        else
        {
            domain = DirectoryProbeSession.DcDomain(root) ?? "";
            session.Add("computer account", $"{name}$ not found in {(gc is not null ? "the forest" : domain)}; compared with the DC's domain");
        }

        session.Add("AD domain (DNS)", domain);
        var allowed = AllowedSuffixes(reader, domain);
        session.Add(Evidence.Ours("msDS-AllowedDNSSuffixes", allowed.Count == 0 ? "(none)" : string.Join(", ", allowed)));

        var suffixes = new List<(string What, string Suffix)> { ("FQDN in use", Suffix(fqdn)) };
        if (dnsHostName is not null) suffixes.Add(("dNSHostName", Suffix(dnsHostName)));
        var differing = suffixes.Where(s => !string.Equals(s.Suffix, domain, StringComparison.OrdinalIgnoreCase)).ToList();
        if (differing.Count > 0)
        {
            var what = string.Join(", ", differing.Select(d => $"{d.What} suffix {d.Suffix}").Distinct());
            return ProbeResult.Finding(Id, "disjoint", $"{what} differs from the AD domain {domain}: a disjoint namespace", session.Snapshot(), "prov.disjoint-namespace")
                .Keyed("probe.ad.namespace.disjoint", string.Join(", ", differing.Select(d => $"{d.What}: {d.Suffix}").Distinct()), domain);
        }

        return ProbeResult.Pass(Id, $"{fqdn} is in its AD domain's namespace ({domain})", session.Snapshot()).Keyed("probe.ad.namespace.pass", fqdn, domain);
    }

    private static string Suffix(string fqdn)
    {
        var n = fqdn.Trim().TrimEnd('.').ToLowerInvariant();
        var dot = n.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "" : n[(dot + 1)..];
    }

    private static IReadOnlyList<string> AllowedSuffixes(LdapReader reader, string domain)
    {
        if (string.IsNullOrEmpty(domain)) return [];
        try
        {
            return reader.Read(DistinguishedName.FromDomain(domain), ["msDS-AllowedDNSSuffixes"])?.All("msDS-AllowedDNSSuffixes") ?? [];
        }
        catch (DirectoryException ex) when (ex.Kind is LdapFailureKind.Referral or LdapFailureKind.Refused)
        {
            return [];
        }
    }
}
