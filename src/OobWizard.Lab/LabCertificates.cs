using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Lab;

/// <summary>Certificates the lab makes on the fly; no key ever touches the disk.</summary>
public static class LabCertificates
{
    private static readonly Lazy<X509Certificate2> Root = new(CreateRoot);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, RSA> DeviceKeys = new();

    /// <summary>
    /// The lab's "enterprise root CA" that issued ConfigMgr's provisioning certificate. Its SHA-1/SHA-256 thumbprints
    /// are what amt.cert-hashes looks for in the device's hash list. One per process, made once.
    /// </summary>
    public static X509Certificate2 ProvisioningRoot => Root.Value;

    /// <summary>A device TLS certificate, self-signed as AMT's own, with the given dates and name.</summary>
    public static X509Certificate2 CreateDeviceCertificate(string subjectName, DateTimeOffset notBefore, DateTimeOffset notAfter, int keySize)
    {
        // RSA key generation dominates a device's start-up (hundreds of ms on a small machine); the lab's devices
        // share one key per size, which nothing in a simulation can tell apart.
        var key = DeviceKeys.GetOrAdd(keySize, size => RSA.Create(size));
        var request = new CertificateRequest($"CN={subjectName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(subjectName);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(CertificateRevocationListDistributionPointsExtension.Create(["http://pki.corp.contoso.com/crl/contoso-root.crl"]));
        X509Certificate2 cert;
        lock (key)
        {
            // RSA objects are not documented as safe for concurrent use; devices start in parallel in tests.
            cert = request.CreateSelfSigned(notBefore, notAfter);
        }

        using var _ = cert;
        // Re-import through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2 CreateRoot()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Contoso Lab Root CA, O=OobWizard Lab", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        // Only the public part is kept: nothing in the lab signs with the root.
        return X509CertificateLoader.LoadCertificate(cert.RawData);
    }
}
