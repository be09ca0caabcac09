using System.DirectoryServices.Protocols;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// ad.container: the OU or container named in ConfigMgr's out-of-band component properties (<c>--amt-ou DN</c>)
/// exists in the AMT computer's domain, which AMT accounts are made in. When it does not (Amtproxymgr.log:
/// "CActiveDirectoryUtils::CreateObject - failed to get container."), says which of the usual causes it is: the DN
/// names another domain, an OU of that name lives elsewhere in the forest (moved or renamed), or it was deleted
/// (a tombstone in CN=Deleted Objects, visible to accounts allowed to list deleted objects).
/// Verdicts: pass, missing.
/// </summary>
public sealed class AdContainerProbe : DirectoryProbe
{
    private static readonly string[] ContainerClasses = ["organizationalUnit", "container", "builtinDomain", "domainDNS"];

    public AdContainerProbe(DirectoryProbeOptions? options = null)
        : base(options)
    {
    }

    public override string Id => "ad.container";

    public override string Description => "The OU/container for AMT accounts (--amt-ou) exists in the AMT computer's domain";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "missing"];

    protected override ProbeResult? Precondition(ProbeContext context)
    {
        var ou = context.Directory.AmtOu;
        if (string.IsNullOrWhiteSpace(ou))
        {
            return ProbeResult.Inconclusive(Id, "no OU given: pass --amt-ou DN (Out of Band Management Component Properties, General tab)").Keyed("probe.ad.container.no-ou");
        }

        return DistinguishedName.IsValid(ou) ? null : ProbeResult.Error(Id, $"--amt-ou '{ou}' is not a distinguished name (for example OU=AMT,DC=corp,DC=example,DC=com)").Keyed("probe.ad.bad-ou", ou);
    }

    protected override ProbeResult Run(DirectoryProbeSession session, object? state)
    {
        var ou = session.Settings.AmtOu!.Trim();
        var reader = session.Open();
        var root = reader.RootDse();
        var computerDomain = session.ComputerDomain(root);
        var ouDomain = DistinguishedName.DomainOf(ou);
        session.Add("container", ou);
        session.Add("AMT computer's domain", computerDomain);
        var domainNc = DistinguishedName.FromDomain(computerDomain);

        DirectoryEntry? entry = null;
        string? elsewhere = null;
        try
        {
            entry = reader.Read(ou, ["objectClass", "whenChanged", "description"]);
        }
        catch (DirectoryException ex) when (ex.Kind == LdapFailureKind.Referral)
        {
            elsewhere = string.Join(", ", ex.Referrals);
            session.Add("referral", elsewhere);
        }

        var wrongDomain = ouDomain is not null && !string.Equals(ouDomain, computerDomain, StringComparison.OrdinalIgnoreCase);
        if (entry is not null)
        {
            var classes = entry.All("objectClass");
            session.Add("objectClass", string.Join(", ", classes));
            if (entry.First("whenChanged") is { } changed) session.Add("whenChanged", changed);
            if (!ContainerClasses.Any(entry.Is))
            {
                return ProbeResult.Finding(Id, "missing", $"{ou} exists but is a {classes.LastOrDefault() ?? "non-container"}, not an OU or container", session.Snapshot(), "prov.ad-container-missing").Keyed("probe.ad.container.not-container", ou, classes.LastOrDefault() ?? "-");
            }

            if (wrongDomain)
            {
                return ProbeResult.Finding(Id, "missing", $"{ou} is in {ouDomain}, but the AMT computer is in {computerDomain}: AMT accounts are made in the computer's own domain", session.Snapshot(), "prov.ad-container-missing").Keyed("probe.ad.container.other-domain", ou, ouDomain, computerDomain);
            }

            return ProbeResult.Pass(Id, $"{ou} exists in {computerDomain}", session.Snapshot()).Keyed("probe.ad.container.pass", ou, computerDomain);
        }

        // Not there: find out why, so the user knows what to fix.
        var leaf = DistinguishedName.Split(ou)[0];
        var name = DistinguishedName.Value(leaf);
        var reasons = new List<string>();
        var reasonKeys = new List<string>();
        if (wrongDomain)
        {
            reasons.Add($"the DN names the domain {ouDomain}, not the AMT computer's domain {computerDomain}");
            reasonKeys.Add("wrong-domain");
        }

        var gc = session.OpenGlobalCatalog();
        var searchIn = gc is not null ? "the forest" : computerDomain;
        var sameName = (gc ?? reader).Search(gc is not null ? "" : domainNc, SearchScope.Subtree,
            $"(&(|(objectClass=organizationalUnit)(objectClass=container))(name={LdapFilter.Escape(name)}))", ["objectClass"], sizeLimit: 20);
        var found = sameName.Entries.Select(e => e.Dn).ToList();
        session.Add(Evidence.Ours($"containers named '{name}' in {searchIn}", found.Count == 0 ? "none" : string.Join("; ", found))
            .Keyed(gc is not null ? "evidence.label.containers-named-in-forest" : "evidence.label.containers-named-in", gc is not null ? [name] : [name, searchIn]));
        if (found.Count > 0)
        {
            reasons.Add($"a container named '{name}' exists at {string.Join("; ", found)} (moved, or the DN names the wrong domain)");
            reasonKeys.Add("moved");
        }

        var tombstones = Tombstones(session, reader, domainNc, name);
        if (tombstones.Count > 0)
        {
            reasons.Add($"it was deleted ({tombstones.Count} tombstone(s) in CN=Deleted Objects, last parent {string.Join("; ", tombstones)})");
            reasonKeys.Add("deleted");
        }

        if (reasons.Count == 0) reasons.Add($"no container of that name anywhere in {searchIn}: renamed, or never made");

        // The first reason found says it in other languages; the evidence rows hold the rest.
        var first = reasonKeys.FirstOrDefault();
        var line = first switch
        {
            "wrong-domain" => ProbeLine.Of("probe.ad.container.missing-wrong-domain", "", ou, computerDomain, ouDomain),
            "moved" => ProbeLine.Of("probe.ad.container.missing-moved", "", ou, computerDomain, name, string.Join("; ", found)),
            "deleted" => ProbeLine.Of("probe.ad.container.missing-deleted", "", ou, computerDomain, tombstones.Count),
            _ => ProbeLine.Of("probe.ad.container.missing", "", ou, computerDomain),
        };
        return ProbeResult.Finding(Id, "missing", $"{ou} does not exist in {computerDomain}: {string.Join("; ", reasons)}", session.Snapshot(), "prov.ad-container-missing").Keyed(line);
    }

    /// <summary>
    /// Deleted containers of that name: a deleted object's RDN becomes "NAME\nDEL:&lt;GUID&gt;" (MS-ADTS 3.1.1.5.5.1.2) and it
    /// moves to CN=Deleted Objects; only accounts allowed to list deleted objects see it (others get nothing, not an error).
    /// </summary>
    private static List<string> Tombstones(DirectoryProbeSession session, LdapReader reader, string domainNc, string name)
    {
        try
        {
            var r = reader.Search($"CN=Deleted Objects,{domainNc}", SearchScope.OneLevel,
                $"(&(isDeleted=TRUE)(name={LdapFilter.Escape(name)}\\0aDEL:*))", ["lastKnownParent", "whenChanged"], showDeleted: true, sizeLimit: 20);
            var parents = r.Entries.Select(e => e.First("lastKnownParent") ?? "(unknown)").ToList();
            session.Add(Evidence.Ours("deleted containers of that name", parents.Count == 0 ? "none visible to this account" : string.Join("; ", parents)));
            return parents;
        }
        catch (DirectoryException ex) when (ex.Kind is LdapFailureKind.NoSuchObject or LdapFailureKind.Refused or LdapFailureKind.Other)
        {
            session.Add("deleted containers of that name", $"not readable ({ex.Message})");
            return [];
        }
    }
}
