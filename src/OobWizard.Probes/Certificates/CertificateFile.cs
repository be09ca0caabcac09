using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OobWizard.Core.Files;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// Reads a certificate file as people have them: PEM (Base64 with a BEGIN line, one or several
/// certificates), DER, or PFX. Every read goes through <see cref="InputFile"/> with
/// <see cref="ReadLimit.Certificate"/> (1 MiB): a FIFO, a device or a folder is refused before it is
/// opened, and a larger file before it is read, each in one line naming the file.
/// </summary>
public static class CertificateFile
{
    /// <summary>
    /// The first certificate in the file: PEM, DER, or PFX (for a PFX the end-entity one; see
    /// <see cref="LoadAll(string, Func{string?}?)"/>). A PFX is told by its extension or by its content.
    /// </summary>
    /// <exception cref="InputFileException">not a regular file, or larger than <see cref="ReadLimit.Certificate"/>.</exception>
    /// <exception cref="IOException">unreadable file.</exception>
    /// <exception cref="CryptographicException">not a certificate, or a PFX whose password was not given or is wrong.</exception>
    public static X509Certificate2 Load(string path, Func<string?>? pfxPassword = null)
    {
        var all = LoadAll(path, pfxPassword);
        for (var i = 1; i < all.Count; i++) all[i].Dispose();
        return all[0];
    }

    /// <summary>Every certificate in the file (a PEM bundle, one DER certificate, or a PFX without a password).</summary>
    /// <exception cref="InputFileException">not a regular file, or larger than <see cref="ReadLimit.Certificate"/>.</exception>
    /// <exception cref="IOException">unreadable file.</exception>
    /// <exception cref="CryptographicException">not a certificate, or a PFX protected by a password.</exception>
    public static X509Certificate2Collection LoadAll(string path) => [.. LoadAll(path, null)];

    /// <summary>True when the file is a PKCS#12 (PFX) bundle, by its extension (.pfx, .p12).</summary>
    public static bool IsPfx(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";

    /// <summary>True when the bytes are a PKCS#12 (PFX) bundle, whatever the file is called (a .cer that is really a PFX).</summary>
    public static bool IsPfx(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0x30) return false;
        try
        {
            return X509Certificate2.GetCertContentType(bytes) == X509ContentType.Pkcs12;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Loads PEM, DER or PFX (told by its extension or its content). For a PFX, <paramref name="pfxPassword"/> is asked for (memory only) and every
    /// certificate in the bundle comes back, the end-entity one (with a private key, or else the first) first;
    /// the private keys are not kept.
    /// </summary>
    /// <exception cref="InputFileException">not a regular file, or larger than <see cref="ReadLimit.Certificate"/>.</exception>
    /// <exception cref="IOException">unreadable file.</exception>
    /// <exception cref="PfxPasswordException">a PFX whose password is wrong, or needed and not given.</exception>
    /// <exception cref="CryptographicException">not a certificate.</exception>
    public static IReadOnlyList<X509Certificate2> LoadAll(string path, Func<string?>? pfxPassword)
    {
        var bytes = Read(path);
        if (!IsPfx(path) && !IsPfx(bytes))
        {
            return [.. PemOrDer(bytes)];
        }

        X509Certificate2Collection bundle;
        string? password = null;
        try
        {
            // No password callback (or none given): a PFX exported without a password still opens.
            password = pfxPassword?.Invoke();
            bundle = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex) when (pfxPassword is null || ex.HResult == PfxPasswordException.InvalidPasswordHResult)
        {
            throw new PfxPasswordException(Path.GetFileName(path), passwordGiven: !string.IsNullOrEmpty(password), ex);
        }

        var all = bundle.ToList();
        if (all.Count == 0) throw new CryptographicException("the PFX holds no certificate");
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey) ?? all.FirstOrDefault();
        // Public parts only from here on: nothing downstream needs the key.
        var result = all.OrderBy(c => c == leaf ? 0 : 1).Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList();
        foreach (var c in all) c.Dispose();
        return result;
    }

    private static byte[] Read(string path) => InputFile.ReadAllBytes(path, ReadLimit.Certificate);

    private static X509Certificate2Collection PemOrDer(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var collection = new X509Certificate2Collection();
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            collection.ImportFromPem(text);
        }
        else
        {
            collection.Add(X509CertificateLoader.LoadCertificate(bytes));
        }

        return collection;
    }
}
