namespace OobWizard.Cli;

/// <summary>
/// Where the wizard asks for a secret the environment does not hold: the AMT password
/// (<c>OOBW_AMT_PASSWORD</c>), the LDAP password of <c>--ldap-user</c> (<c>OOBW_LDAP_PASSWORD</c>) and
/// the password of a PFX file (<c>OOBW_PFX_PASSWORD</c>). The front end that runs sets them: the
/// full-screen wizard masked dialogs, plain mode masked lines, both in the session's language. The
/// answers are held in memory only, never written anywhere. Unset (null): the command's own prompt.
/// </summary>
public sealed class PasswordPrompt
{
    /// <summary>(AMT user, target) to the password, or null/empty when the user declines (checks that need it are then asked by hand).</summary>
    public Func<string, string?, string?>? Ask { get; set; }

    /// <summary>LDAP account (user@REALM) to its password; null/empty binds anonymously.</summary>
    public Func<string, string?>? AskLdap { get; set; }

    /// <summary>PFX file path to its password; null when the user declines (the certificate check then says it could not open the file).</summary>
    public Func<string, string?>? AskPfx { get; set; }

    /// <summary>
    /// Sets the three prompts until the result is disposed, then puts back what was there.
    /// With <paramref name="onlyUnset"/>, a prompt already set (by a test) is kept.
    /// </summary>
    public IDisposable Use(Func<string, string?, string?> amt, Func<string, string?> ldap, Func<string, string?> pfx, bool onlyUnset = false)
    {
        var before = (Ask, AskLdap, AskPfx);
        Ask = onlyUnset ? Ask ?? amt : amt;
        AskLdap = onlyUnset ? AskLdap ?? ldap : ldap;
        AskPfx = onlyUnset ? AskPfx ?? pfx : pfx;
        return new Restore(() => (Ask, AskLdap, AskPfx) = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
