namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// What the directory probes (ad.*) need besides <see cref="ProbeContext.Domain"/> and the AMT target: where the
/// domain controller is, how to bind, and what to look for. Built once per run from the command line
/// (<c>--dc</c>, <c>--ldap-user</c>, <c>--ldaps</c>/<c>--starttls</c>, <c>--ldap-ca</c>, <c>--amt-ou</c>,
/// <c>--site-server</c>, <c>--ca-domain</c>) and hung off <see cref="ProbeContext.Directory"/>.
/// </summary>
public sealed class DirectorySettings
{
    public static DirectorySettings None { get; } = new();

    /// <summary><c>HOST[:PORT]</c> of a domain controller; null = the ones published as <c>_ldap._tcp.&lt;domain&gt;</c> SRV records.</summary>
    public string? DomainController { get; init; }

    public LdapSecurity Security { get; init; }

    /// <summary>A PEM file of the CA that issued the domain controller's certificate, for LDAPS/StartTLS (else the system's trust store).</summary>
    public string? TrustedCaFile { get; init; }

    /// <summary>The account for simple binds; null = anonymous (enough for the rootDSE only).</summary>
    public LdapCredential? Credential { get; init; }

    /// <summary>The OU/container DN from the out-of-band component properties, where AMT accounts are made.</summary>
    public string? AmtOu { get; init; }

    /// <summary>The ConfigMgr site server whose computer account needs the CA's DCOM group (NetBIOS name or FQDN).</summary>
    public string? SiteServer { get; init; }

    /// <summary>The DNS name of the issuing CA's domain; null = the AMT computer's domain.</summary>
    public string? CaDomain { get; init; }

    /// <summary>True when any directory option was given (then `check` runs the ad.* probes).</summary>
    public bool Any => DomainController is not null || Credential is not null || AmtOu is not null || SiteServer is not null || CaDomain is not null;

    public override string ToString() => $"dc={DomainController ?? "(SRV)"}, security={Security}, user={Credential?.ToString() ?? "(anonymous)"}";
}
