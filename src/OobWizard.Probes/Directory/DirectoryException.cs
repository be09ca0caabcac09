namespace OobWizard.Probes.ActiveDirectory;

/// <summary>An LDAP exchange that failed, classified (<see cref="Kind"/>), with the server's own message when it sent one.</summary>
public sealed class DirectoryException : Exception
{
    public DirectoryException(LdapFailureKind kind, string message, string? serverMessage = null, int? resultCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        ServerMessage = string.IsNullOrWhiteSpace(serverMessage) ? null : serverMessage.Trim();
        ResultCode = resultCode;
    }

    public LdapFailureKind Kind { get; }

    /// <summary>The diagnostic text the DC sent (AD: <c>80090308: LdapErr: DSID-..., data 52e</c>), if any.</summary>
    public string? ServerMessage { get; }

    /// <summary>The RFC 4511 result code or libldap error number, when known.</summary>
    public int? ResultCode { get; }

    /// <summary>The message as a keyed line (<c>probe.ldap.*</c>), or null: then the verdict's generic key says it with the message.</summary>
    public ProbeLine? Line { get; init; }

    /// <summary>The referral URLs of a <see cref="LdapFailureKind.Referral"/>.</summary>
    public IReadOnlyList<string> Referrals { get; init; } = [];
}
