namespace OobWizard.Lab;

/// <summary>The account a lab device accepts. The password comes from the caller and is held in memory only.</summary>
public sealed class LabCredentials
{
    public LabCredentials(string user, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        User = user;
        Password = password;
    }

    public string User { get; }

    public string Password { get; }

    /// <summary>A random password for one run (the demo), so none is ever hard-coded.</summary>
    public static LabCredentials Random(string user = "admin") =>
        new(user, "Lab-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9)));

    public override string ToString() => $"{User}:***";
}
