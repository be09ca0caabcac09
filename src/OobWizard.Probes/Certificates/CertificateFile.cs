using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// Reads a certificate file as people have them: PEM (Base64 with a BEGIN line, one or several
/// certificates) or DER. At most <see cref="MaxBytes"/> are read, so a device or an endless file
/// given by mistake costs nothing (the command line refuses FIFOs and devices before a probe runs).
/// </summary>
public static class CertificateFile
{
    /// <summary>The most a certificate file may have: 1 MiB (the Debian CA bundle is about 220 KB).</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The first certificate in the file.</summary>
    /// <exception cref="IOException">unreadable file, or larger than <see cref="MaxBytes"/>.</exception>
    /// <exception cref="CryptographicException">not a certificate.</exception>
    public static X509Certificate2 Load(string path)
    {
        var bytes = ReadBounded(path);
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return X509Certificate2.CreateFromPem(text);
        }

        return X509CertificateLoader.LoadCertificate(bytes);
    }

    /// <summary>Every certificate in the file (a PEM bundle, or one DER certificate).</summary>
    /// <exception cref="IOException">unreadable file, or larger than <see cref="MaxBytes"/>.</exception>
    /// <exception cref="CryptographicException">not a certificate.</exception>
    public static X509Certificate2Collection LoadAll(string path)
    {
        var bytes = ReadBounded(path);
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

    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total > MaxBytes)
        {
            throw new IOException($"{path} is larger than {MaxBytes >> 20} MiB, the most a certificate file may be");
        }

        return buffer[..total];
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
