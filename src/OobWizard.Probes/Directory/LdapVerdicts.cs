namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// LDAP failures as probe results. Each has a verdict of its own (so `check --json` and the session say exactly what
/// happened), but with an inconclusive or error outcome: the wizard then asks the node's manual question, since a
/// DC that cannot be asked says nothing about the AMT problem.
/// </summary>
public static class LdapVerdicts
{
    public const string BadCredentials = "bad-credentials";
    public const string Unavailable = "unavailable";
    public const string ConnectionLost = "connection-lost";
    public const string NoSuchObject = "no-such-object";
    public const string StrongAuthRequired = "strong-auth-required";
    public const string Referral = "referral";
    public const string Timeout = "timeout";
    public const string NotLdap = "not-ldap";
    public const string Tls = "tls-failed";
    public const string AccessDenied = "access-denied";
    public const string LdapError = "ldap-error";

    public static ProbeResult From(string probeId, DirectoryException ex, IReadOnlyList<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var rows = new List<Evidence>(evidence);
        if (ex.ResultCode is { } code) rows.Add(new("LDAP result", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (ex.ServerMessage is { } server) rows.Add(new("server message", server));
        foreach (var r in ex.Referrals) rows.Add(new(ex.Kind == LdapFailureKind.NoSuchObject ? "nearest existing entry" : "referral", r));
        var (outcome, verdict) = ex.Kind switch
        {
            LdapFailureKind.BadCredentials => (ProbeOutcome.Inconclusive, BadCredentials),
            LdapFailureKind.StrongAuthRequired => (ProbeOutcome.Inconclusive, StrongAuthRequired),
            LdapFailureKind.Referral => (ProbeOutcome.Inconclusive, Referral),
            LdapFailureKind.NoSuchObject => (ProbeOutcome.Inconclusive, NoSuchObject),
            LdapFailureKind.Refused => (ProbeOutcome.Inconclusive, AccessDenied),
            LdapFailureKind.Unavailable => (ProbeOutcome.Error, Unavailable),
            LdapFailureKind.ConnectionLost => (ProbeOutcome.Error, ConnectionLost),
            LdapFailureKind.Timeout => (ProbeOutcome.Error, Timeout),
            LdapFailureKind.Garbage => (ProbeOutcome.Error, NotLdap),
            LdapFailureKind.Tls => (ProbeOutcome.Error, Tls),
            _ => (ProbeOutcome.Error, LdapError),
        };
        return new ProbeResult(probeId, outcome, verdict, ex.Message, rows, []).Keyed(ex.Line ?? ProbeLine.Of("probe.ldap.failed", ex.Message, verdict, ex.Message));
    }
}
