using System.DirectoryServices.Protocols;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// ad.amt-account: ConfigMgr makes an account object <c>&lt;ComputerName&gt;$iME</c> in the AMT OU when it provisions
/// the computer and removes it when provisioning information is removed. Read against AMT's provisioning state
/// (amt.provisioning, when the AMT password is given): present after provisioning, absent before, and present on an
/// unprovisioned computer when a removal failed half way (the CRL check behind "cannot remove" is the usual reason).
/// Verdicts: pass, absent (provisioned, no account: the AD task failed), left-behind.
/// </summary>
public sealed class AdAmtAccountProbe : DirectoryProbe
{
    public AdAmtAccountProbe(DirectoryProbeOptions? options = null)
        : base(options)
    {
    }

    public override string Id => "ad.amt-account";

    public override string Description => "The AMT account <ComputerName>$iME in the AMT OU matches AMT's provisioning state";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "absent", "left-behind"];

    protected override ProbeResult? Precondition(ProbeContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Directory.AmtOu))
        {
            return ProbeResult.Inconclusive(Id, "no OU given: pass --amt-ou DN (where ConfigMgr makes the AMT accounts)").Keyed("probe.ad.amt-account.no-ou");
        }

        if (!DistinguishedName.IsValid(context.Directory.AmtOu))
        {
            return ProbeResult.Error(Id, $"--amt-ou '{context.Directory.AmtOu}' is not a distinguished name").Keyed("probe.ad.bad-ou", context.Directory.AmtOu);
        }

        var fqdn = context.Fqdn ?? context.Target;
        return string.IsNullOrWhiteSpace(fqdn) || DomainControllerLocator.IsAddress(fqdn.Trim('[', ']'))
            ? ProbeResult.Inconclusive(Id, "no computer name: give --target as the AMT computer's FQDN").Keyed("probe.ad.no-computer-name")
            : null;
    }

    protected override async Task<object?> PrepareAsync(ProbeContext context, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        bool? provisioned;
        try
        {
            provisioned = await Options.ProvisioningState(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            provisioned = null;
            evidence.Add(new("AMT provisioning state", $"not read: {ex.Message}"));
        }

        evidence.Add(new("AMT provisioning state", provisioned switch
        {
            true => "provisioned (amt.provisioning)",
            false => "not provisioned (amt.provisioning)",
            null => "unknown (give the AMT password to read it)",
        }));
        return provisioned;
    }

    protected override ProbeResult Run(DirectoryProbeSession session, object? state)
    {
        var provisioned = (bool?)state;
        var ou = session.Settings.AmtOu!.Trim();
        var account = session.ComputerName() + "$iME";
        var reader = session.Open();
        session.Add("account", account);
        session.Add("OU", ou);
        DirectorySearchResult inOu;
        try
        {
            inOu = reader.Search(ou, SearchScope.OneLevel, $"(sAMAccountName={LdapFilter.Escape(account)})", ["whenCreated", "dNSHostName", "objectClass"]);
        }
        catch (DirectoryException ex) when (ex.Kind == LdapFailureKind.NoSuchObject)
        {
            return ProbeResult.Finding(Id, "absent", $"the OU {ou} itself does not exist, so there is no {account} in it (see ad.container)", session.Snapshot(), "prov.ad-container-missing").Keyed("probe.ad.amt-account.no-ou-entry", ou, account);
        }

        var entry = inOu.Entries.FirstOrDefault();
        if (entry is not null)
        {
            session.Add("found", entry.Dn);
            if (entry.First("whenCreated") is { } created) session.Add("whenCreated", created);
        }
        else
        {
            // Made somewhere else (an OU changed after provisioning)? Search the whole domain once.
            var root = reader.RootDse();
            var nc = root.First("defaultNamingContext") ?? "";
            var anywhere = reader.Search(nc, SearchScope.Subtree, $"(sAMAccountName={LdapFilter.Escape(account)})", ["whenCreated"], sizeLimit: 5);
            session.Add(Evidence.Ours("elsewhere in the domain", anywhere.Entries.Count == 0 ? "none" : string.Join("; ", anywhere.Entries.Select(e => e.Dn))));
        }

        return (entry is not null, provisioned) switch
        {
            (true, true) => ProbeResult.Pass(Id, $"{account} is in {ou}, as it should be on a provisioned computer", session.Snapshot()).Keyed("probe.ad.amt-account.pass-present", account, ou),
            (false, false) => ProbeResult.Pass(Id, $"no {account} in {ou}, as expected before provisioning", session.Snapshot()).Keyed("probe.ad.amt-account.pass-absent", account, ou),
            (false, true) => ProbeResult.Finding(Id, "absent", $"AMT is provisioned but {account} is not in {ou}: the AD task did not make it there", session.Snapshot(), "prov.ad-container-missing").Keyed("probe.ad.amt-account.absent", account, ou),
            (true, false) => ProbeResult.Finding(Id, "left-behind", $"{account} is still in {ou} although AMT is not provisioned: left behind by a removal that failed", session.Snapshot(), "prov.crl-check-failed").Keyed("probe.ad.amt-account.left-behind", account, ou),
            (true, null) => ProbeResult.Inconclusive(Id, $"{account} is in {ou}; AMT's provisioning state is unknown (give the AMT password) to tell whether it belongs there", session.Snapshot()).Keyed("probe.ad.amt-account.present-unknown", account, ou),
            (false, null) => ProbeResult.Inconclusive(Id, $"no {account} in {ou}; AMT's provisioning state is unknown (give the AMT password) to tell whether it should be", session.Snapshot()).Keyed("probe.ad.amt-account.absent-unknown", account, ou),
        };
    }
}
