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
}
