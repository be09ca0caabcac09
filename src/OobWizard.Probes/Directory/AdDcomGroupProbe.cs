using System.DirectoryServices.Protocols;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// ad.dcom-group: the ConfigMgr site server's computer account (<c>--site-server</c>) is a member, directly or through
/// nested groups, of CERTSRV_DCOM_ACCESS (CA on Windows Server 2003) or the built-in "Certificate Service DCOM Access"
/// (Windows Server 2008) in the issuing CA's domain (<c>--ca-domain</c>, default the AMT computer's). Without it the
/// certificate request is denied (Amtproxymgr.log: "ICertRequest2-&gt;Submit failed: 0x80070005"), typically when the
/// AMT computers are in a child domain. Members from another domain appear as foreign security principals.
/// Verdicts: pass, not-member.
/// </summary>
public sealed class AdDcomGroupProbe : DirectoryProbe
{
    /// <summary>sAMAccountNames of the two groups (the 2008 one lives in CN=Builtin).</summary>
    public static readonly string[] GroupNames = ["CERTSRV_DCOM_ACCESS", "Certificate Service DCOM Access"];

    private const int MaxGroups = 200;

    public AdDcomGroupProbe(DirectoryProbeOptions? options = null)
        : base(options)
    {
    }

    public override string Id => "ad.dcom-group";

    public override string Description => "The site server's computer account is in the CA domain's Certificate Service DCOM Access group";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "not-member"];

    protected override ProbeResult? Precondition(ProbeContext context) =>
        string.IsNullOrWhiteSpace(context.Directory.SiteServer)
            ? ProbeResult.Inconclusive(Id, "no site server given: pass --site-server NAME (the server that requests the AMT certificates)").Keyed("probe.ad.dcom-group.no-site-server")
            : null;

    protected override async Task<object?> PrepareAsync(ProbeContext context, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var ca = context.Directory.CaDomain?.Trim().TrimEnd('.');
        var own = LocatorDomain(context);
        if (string.IsNullOrEmpty(ca) || string.Equals(ca, own, StringComparison.OrdinalIgnoreCase)) return null;
        var (endpoints, problem) = await DomainControllerLocator.LocateAsync(ca, context.Directory.Security, context, Options.Dns, evidence, cancellationToken).ConfigureAwait(false);
        return endpoints.Count > 0 ? endpoints[0] : problem;
    }

    protected override ProbeResult Run(DirectoryProbeSession session, object? state)
    {
        var reader = session.Open();
        var root = reader.RootDse();
        var dcDomain = DirectoryProbeSession.DcDomain(root) ?? "";
        var caDomain = session.Settings.CaDomain?.Trim().TrimEnd('.').ToLowerInvariant() ?? session.ComputerDomain(root);
        session.Add("CA domain", caDomain);

        // 1. The site server's computer account, anywhere in the forest.
        var site = session.Settings.SiteServer!.Trim().TrimEnd('$');
        var shortName = site.Split('.')[0];
        var filter = $"(&(objectClass=computer)(|(sAMAccountName={LdapFilter.Escape(shortName + "$")}){(site.Contains('.', StringComparison.Ordinal) ? $"(dNSHostName={LdapFilter.Escape(site)})" : "")}))";
        var gc = session.OpenGlobalCatalog();
        var accounts = (gc ?? reader).Search(gc is not null ? "" : root.First("defaultNamingContext") ?? "", SearchScope.Subtree, filter, ["objectSid", "dNSHostName"], sizeLimit: 5);
        var account = accounts.Entries.FirstOrDefault();
        if (account is null)
        {
            return ProbeResult.Inconclusive(Id, $"no computer account {shortName}$ found in {(gc is not null ? "the forest" : dcDomain)}: check --site-server", session.Snapshot())
                .Keyed(gc is not null ? ProbeLine.Of("probe.ad.dcom-group.no-account-forest", "", shortName + "$") : ProbeLine.Of("probe.ad.dcom-group.no-account", "", shortName + "$", dcDomain));
        }

        var sid = account.Bytes("objectSid") is { } bytes ? SecurityIdentifierText.Format(bytes) : null;
        session.Add("site server account", account.Dn + (sid is null ? "" : $" ({sid})"));

        // 2. The DCOM groups in the CA's domain, on a DC of that domain.
        var caReader = reader;
        if (!string.Equals(caDomain, dcDomain, StringComparison.OrdinalIgnoreCase))
        {
            if (state is DirectoryEndpoint caDc)
            {
                caReader = session.Open(caDc);
                session.Add("CA domain's DC", DomainControllerLocator.Describe(caDc));
            }
            else
            {
                return ProbeResult.Inconclusive(Id, $"the DC in use serves {dcDomain}, not the CA's domain {caDomain}, and no DC of {caDomain} was found{(state is ProbeLine why ? $" ({why.Text})" : "")}", session.Snapshot())
                    .Keyed("probe.ad.dcom-group.no-ca-dc", dcDomain, caDomain);
            }
        }

        var caNc = DistinguishedName.FromDomain(caDomain);
        var groupFilter = "(&(objectClass=group)(|" + string.Concat(GroupNames.Select(n => $"(sAMAccountName={LdapFilter.Escape(n)})")) + "))";
        var groups = caReader.Search(caNc, SearchScope.Subtree, groupFilter, ["sAMAccountName", "member"]).Entries;
        if (groups.Count == 0)
        {
            return ProbeResult.Inconclusive(Id, $"neither {string.Join(" nor ", GroupNames)} exists in {caDomain}: is that the issuing CA's domain? (--ca-domain)", session.Snapshot()).Keyed("probe.ad.dcom-group.no-group", string.Join(", ", GroupNames), caDomain);
        }

        var memberDns = new List<string> { account.Dn };
        if (sid is not null) memberDns.Add($"CN={sid},CN=ForeignSecurityPrincipals,{caNc}");
        foreach (var group in groups)
        {
            var path = MembershipPath(caReader, caNc, group.Dn, memberDns);
            var name = group.First("sAMAccountName") ?? group.Dn;
            session.Add(new Evidence($"group {name}", $"{group.Dn}: {group.All("member").Count} direct member(s); {(path is null ? "the site server is not a member" : "member through " + string.Join(" → ", path))}").Keyed("evidence.label.group", name));
            if (path is not null)
            {
                return ProbeResult.Pass(Id, $"{shortName}$ is in {name} ({(path.Count == 1 ? "directly" : $"nested through {string.Join(" → ", path.Take(path.Count - 1).Select(Rdn))}")})", session.Snapshot())
                    .Keyed(path.Count == 1 ? ProbeLine.Of("probe.ad.dcom-group.pass-direct", "", shortName + "$", name) : ProbeLine.Of("probe.ad.dcom-group.pass-nested", "", shortName + "$", name, string.Join(" → ", path.Take(path.Count - 1).Select(Rdn))));
            }
        }

        return ProbeResult.Finding(Id, "not-member",
            $"{shortName}$ is not a member of {string.Join(" or ", groups.Select(g => g.First("sAMAccountName") ?? g.Dn))} in {caDomain}, directly or nested",
            session.Snapshot(), "prov.child-domain-dcom").Keyed("probe.ad.dcom-group.not-member", shortName + "$", string.Join(", ", groups.Select(g => g.First("sAMAccountName") ?? g.Dn)), caDomain);
    }

    /// <summary>
    /// Breadth-first through nested groups: the chain of groups from the one holding the account up to
    /// <paramref name="groupDn"/> (last), or null. Each group costs two searches: "does it list the account?" and
    /// "which groups are its members?" (memberOf is the back link AD keeps of member).
    /// </summary>
    private static List<string>? MembershipPath(LdapReader reader, string caNc, string groupDn, IReadOnlyList<string> memberDns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { groupDn };
        var queue = new Queue<List<string>>([[groupDn]]);
        var direct = "(|" + string.Concat(memberDns.Select(m => $"(member={LdapFilter.Escape(m)})")) + ")";
        while (queue.TryDequeue(out var chain) && seen.Count <= MaxGroups)
        {
            var group = chain[0];
            if (reader.Search(group, SearchScope.Base, direct, ["cn"]).Entries.Count > 0)
            {
                return chain;
            }

            var nested = reader.Search(caNc, SearchScope.Subtree, $"(&(objectClass=group)(memberOf={LdapFilter.Escape(group)}))", ["cn"], sizeLimit: MaxGroups);
            foreach (var child in nested.Entries.Where(e => seen.Add(e.Dn)))
            {
                queue.Enqueue([child.Dn, .. chain]);
            }
        }

        return null;
    }

    private static string Rdn(string dn) => DistinguishedName.Value(DistinguishedName.Split(dn)[0]);
}
