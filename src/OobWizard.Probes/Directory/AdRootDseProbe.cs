namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// ad.rootdse: reads the domain controller's rootDSE anonymously (RFC 4512 §5.1): the domain's naming context and
/// DNS name, the forest root, the functional levels. The first thing to check when the other ad.* probes fail.
/// Verdicts: pass; other-domain when the DC serves a different domain than <c>--domain</c>.
/// </summary>
public sealed class AdRootDseProbe : DirectoryProbe
{
    public AdRootDseProbe(DirectoryProbeOptions? options = null)
        : base(options)
    {
    }

    public override string Id => "ad.rootdse";

    public override string Description => "The domain controller answers LDAP and names its domain (rootDSE, anonymous)";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "other-domain"];

    protected override bool Anonymous => true;

    protected override ProbeResult Run(DirectoryProbeSession session, object? state)
    {
        var reader = session.Open(anonymous: true);
        var root = reader.RootDse();
        var nc = root.First("defaultNamingContext");
        var domain = nc is null ? null : DistinguishedName.DomainOf(nc);
        session.Add(Evidence.Ours("defaultNamingContext", nc ?? "(none)"));
        session.Add(Evidence.Ours("domain (DNS)", domain ?? "(unknown)"));
        session.Add(new Evidence("dnsHostName", root.First("dnsHostName") ?? "(none)").Keyed("evidence.label.rootdse-dnshostname"));
        session.Add(Evidence.Ours("rootDomainNamingContext", root.First("rootDomainNamingContext") ?? "(none)"));
        session.Add("domain functional level", FunctionalLevel(root.First("domainFunctionality")));
        session.Add(Evidence.Ours("global catalog", root.First("isGlobalCatalogReady") is { } gc ? (gc.Equals("TRUE", StringComparison.OrdinalIgnoreCase) ? "ready" : "not ready") : "(not said)"));
        if (root.First("vendorName") is { } vendor) session.Add("vendor", vendor);
        if (nc is null)
        {
            return ProbeResult.Inconclusive(Id, $"{reader.Endpoint.Host} answered, but its rootDSE names no default naming context (not a domain controller?)", session.Snapshot()).Keyed("probe.ad.rootdse.no-naming-context", reader.Endpoint.Host);
        }

        var wanted = session.Context.Domain?.Trim().TrimEnd('.');
        if (!string.IsNullOrEmpty(wanted) && !string.Equals(wanted, domain, StringComparison.OrdinalIgnoreCase))
        {
            return ProbeResult.Finding(Id, "other-domain", $"{root.First("dnsHostName") ?? reader.Endpoint.Host} is a DC of {domain}, not of {wanted}", session.Snapshot()).Keyed("probe.ad.rootdse.other-domain", root.First("dnsHostName") ?? reader.Endpoint.Host, domain, wanted);
        }

        return ProbeResult.Pass(Id, $"{root.First("dnsHostName") ?? reader.Endpoint.Host} serves {domain} ({nc})", session.Snapshot()).Keyed("probe.ad.rootdse.pass", root.First("dnsHostName") ?? reader.Endpoint.Host, domain, nc);
    }

    /// <summary>MS-ADTS 6.1.4.2 msDS-Behavior-Version values.</summary>
    private static string FunctionalLevel(string? value) => value switch
    {
        null => "(not said)",
        "0" => "0 (Windows 2000)",
        "1" => "1 (Windows Server 2003 interim)",
        "2" => "2 (Windows Server 2003)",
        "3" => "3 (Windows Server 2008)",
        "4" => "4 (Windows Server 2008 R2)",
        "5" => "5 (Windows Server 2012)",
        "6" => "6 (Windows Server 2012 R2)",
        "7" => "7 (Windows Server 2016)",
        "10" => "10 (Windows Server 2025)",
        _ => value,
    };
}
