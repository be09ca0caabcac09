namespace OobWizard.Probes.ActiveDirectory;

/// <summary>Why an LDAP exchange failed, in the terms the verdicts use (RFC 4511 result codes where there is one).</summary>
public enum LdapFailureKind
{
    /// <summary>49 invalidCredentials: wrong password or unknown account.</summary>
    BadCredentials,

    /// <summary>81 (libldap LDAP_SERVER_DOWN) or 91 (connect error) before anything was exchanged: nothing answers there.</summary>
    Unavailable,

    /// <summary>The server closed the connection after the exchange had begun (81 mid-operation).</summary>
    ConnectionLost,

    /// <summary>32 noSuchObject.</summary>
    NoSuchObject,

    /// <summary>8 strongerAuthRequired: the DC wants signing or TLS for simple binds.</summary>
    StrongAuthRequired,

    /// <summary>10 referral: the object lives on another server.</summary>
    Referral,

    /// <summary>85 (client-side timeout) or no answer within the probe's bound.</summary>
    Timeout,

    /// <summary>The answer was not LDAP (2 protocolError, 84 decodingError, or a BER the runtime could not read).</summary>
    Garbage,

    /// <summary>The TLS handshake failed (certificate not trusted, name mismatch, no TLS there).</summary>
    Tls,

    /// <summary>50 insufficientAccessRights and other refusals.</summary>
    Refused,

    /// <summary>Anything else.</summary>
    Other,
}
