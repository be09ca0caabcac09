namespace OobWizard.Cli;

/// <summary>
/// Where the AMT password is asked when it is not in <c>OOBW_AMT_PASSWORD</c>. The front end that
/// runs sets <see cref="Ask"/>: the full-screen wizard a masked dialog, plain mode a masked line,
/// both in the session's language. The answer is held in memory only, never written anywhere.
/// </summary>
public sealed class PasswordPrompt
{
    /// <summary>(user, target) to the password, or null/empty when the user declines (checks that need it are then asked by hand).</summary>
    public Func<string, string?, string?>? Ask { get; set; }
}
