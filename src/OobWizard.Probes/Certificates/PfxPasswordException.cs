using System.Security.Cryptography;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// A PFX (PKCS#12) file did not open with the password it was given, or it needs one and none was given
/// (<see cref="PasswordGiven"/>). Told apart from a damaged file by the loader's HRESULT ERROR_INVALID_PASSWORD
/// (0x80070056, which .NET sets for "the password may be incorrect"). <see cref="FileName"/> is the file's name.
/// </summary>
public sealed class PfxPasswordException : CryptographicException
{
    /// <summary>HRESULT_FROM_WIN32(ERROR_INVALID_PASSWORD), the HResult of .NET's wrong-PFX-password exception.</summary>
    public const int InvalidPasswordHResult = unchecked((int)0x80070056);

    public PfxPasswordException()
    {
        FileName = "";
    }

    public PfxPasswordException(string message)
        : base(message)
    {
        FileName = "";
    }

    public PfxPasswordException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "";
    }

    public PfxPasswordException(string fileName, bool passwordGiven, Exception innerException)
        : base(passwordGiven
            ? $"{fileName} is a PFX (PKCS#12) and the password given is not its password"
            : $"{fileName} is a PFX (PKCS#12) with a password; give it in OOBW_PFX_PASSWORD", innerException)
    {
        FileName = fileName;
        PasswordGiven = passwordGiven;
    }

    /// <summary>The PFX file's name (no folder).</summary>
    public string FileName { get; }

    /// <summary>True when a password was given and refused; false when the PFX needs one and none was given.</summary>
    public bool PasswordGiven { get; }
}
