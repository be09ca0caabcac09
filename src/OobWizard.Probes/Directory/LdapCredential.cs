namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// The account for LDAP simple binds, shared by every directory probe of one run. The password is asked for at most
/// once (<see cref="Password"/> calls the provider lazily), held in memory only, and once the domain controller
/// refused it (LDAP result 49) it is never sent again in the same run: <see cref="Refused"/> stays true.
/// A class with its own <see cref="ToString"/>, so that no generated member ever prints the password.
/// </summary>
public sealed class LdapCredential
{
    private readonly Lazy<string?> _password;
    private volatile bool _refused;

    /// <param name="user">A UPN (<c>user@CORP.EXAMPLE.COM</c>), <c>DOMAIN\user</c> or a full DN.</param>
    /// <param name="password">Asked for on first use (OOBW_LDAP_PASSWORD or a masked prompt); null or empty means none.</param>
    public LdapCredential(string user, Func<string?> password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentNullException.ThrowIfNull(password);
        User = user;
        _password = new Lazy<string?>(password, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string User { get; }

    /// <summary>The password, or null when none was given. Null as well once it was refused, so it cannot be sent again.</summary>
    public string? Password => _refused ? null : _password.Value is { Length: > 0 } p ? p : null;

    /// <summary>True once a domain controller answered 49 (invalid credentials) to this account in this run.</summary>
    public bool Refused => _refused;

    /// <summary>Marks the password refused for the rest of the run.</summary>
    public void MarkRefused() => _refused = true;

    public override string ToString() => User + (_refused ? " (refused)" : "");
}
