using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Probes.Certificates;

/// <summary>Reads a certificate file as people have them: PEM (Base64 with a BEGIN line) or DER.</summary>
public static class CertificateFile
{
    /// <exception cref="IOException">unreadable file.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">not a certificate.</exception>
    public static X509Certificate2 Load(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return X509Certificate2.CreateFromPem(text);
        }

        return X509CertificateLoader.LoadCertificateFromFile(path);
    }

    /// <summary>True when the file is a PKCS#12 (PFX) bundle: by extension, or by content that is neither PEM nor one DER certificate.</summary>
    public static bool IsPfx(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";

    /// <summary>
    /// Loads PEM, DER or PFX. For a PFX, <paramref name="pfxPassword"/> is asked for (memory only) and every
    /// certificate in the bundle comes back, the end-entity one (with a private key, or else the first) first;
    /// the private keys are not kept.
    /// </summary>
    /// <exception cref="IOException">unreadable file.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">not a certificate, or a wrong PFX password.</exception>
    public static IReadOnlyList<X509Certificate2> LoadAll(string path, Func<string?>? pfxPassword)
    {
        if (!IsPfx(path))
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                var pem = new X509Certificate2Collection();
                pem.ImportFromPem(text);
                return [.. pem];
            }

            return [X509CertificateLoader.LoadCertificateFromFile(path)];
        }

        var bundle = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, pfxPassword?.Invoke(), X509KeyStorageFlags.EphemeralKeySet);
        var all = bundle.ToList();
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey) ?? all.FirstOrDefault();
        // Public parts only from here on: nothing downstream needs the key.
        var result = all.OrderBy(c => c == leaf ? 0 : 1).Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList();
        foreach (var c in all) c.Dispose();
        return result;
    }
}
