namespace OobWizard.Probes.ActiveDirectory;

/// <summary>How the LDAP connection to the domain controller is protected.</summary>
public enum LdapSecurity
{
    /// <summary>Plain LDAP on 389 (simple binds then need "ldap server require strong auth = no" on Samba, or an unhardened Windows DC).</summary>
    None,

    /// <summary>LDAP over TLS from the first byte (LDAPS, port 636; the global catalog on 3269).</summary>
    Ldaps,

    /// <summary>Plain LDAP on 389 upgraded with the StartTLS extended operation (RFC 4511 §4.14) before the bind.</summary>
    StartTls,
}
