using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Lab;

/// <summary>Certificates the lab makes on the fly; no key ever touches the disk.</summary>
public static class LabCertificates
{
    private static readonly Lazy<(X509Certificate2 Public, RSA Key)> Root = new(CreateRoot);
    private static readonly ConcurrentDictionary<int, RSA> DeviceKeys = new();

    /// <summary>
    /// The lab's "enterprise root CA" that issued ConfigMgr's provisioning certificate. Its SHA-1/SHA-256 thumbprints
    /// are what amt.cert-hashes looks for in the device's hash list. One per process, made once; public part only.
    /// </summary>
    public static X509Certificate2 ProvisioningRoot => Root.Value.Public;

    /// <summary>
    /// A device TLS certificate: self-signed as AMT makes its own, or issued by the lab root as ConfigMgr's
    /// enterprise CA would. A CA-issued one also names <paramref name="address"/>, a lab convenience so that a client
    /// connecting to 127.x.y.z with --ca-file can validate it.
    /// </summary>
    /// <param name="crlUrls">CRL distribution points of a CA-issued certificate (the lab's, on loopback); AMT's self-signed ones name none.</param>
    public static X509Certificate2 CreateDeviceCertificate(string subjectName, DateTimeOffset notBefore, DateTimeOffset notAfter, int keySize,
        bool issuedByRoot = false, IPAddress? address = null, IReadOnlyList<string>? crlUrls = null)
    {
        // RSA key generation dominates a device's start-up (hundreds of ms on a small machine); the lab's devices
        // share one key per size, which nothing in a simulation can tell apart.
        var key = DeviceKeys.GetOrAdd(keySize, size => RSA.Create(size));
        var request = new CertificateRequest($"CN={subjectName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(subjectName);
        if (issuedByRoot && address is not null) san.AddIpAddress(address);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        if (issuedByRoot && crlUrls is { Count: > 0 })
        {
            request.CertificateExtensions.Add(CertificateRevocationListDistributionPointsExtension.Create(crlUrls));
        }
        X509Certificate2 withKey;
        if (issuedByRoot)
        {
            var (rootCert, rootKey) = Root.Value;
            var serial = RandomNumberGenerator.GetBytes(12);
            serial[0] &= 0x7F; // a positive serial number
            X509Certificate2 issued;
            lock (rootKey)
            {
                // Issued certificates must sit inside the issuer's validity.
                var from = notBefore < rootCert.NotBefore ? new DateTimeOffset(rootCert.NotBefore.ToUniversalTime()) : notBefore;
                var to = notAfter > rootCert.NotAfter ? new DateTimeOffset(rootCert.NotAfter.ToUniversalTime()) : notAfter;
                issued = request.Create(rootCert.SubjectName, X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1), from, to, serial);
            }

            using (issued)
            {
                withKey = issued.CopyWithPrivateKey(key);
            }
        }
        else
        {
            lock (key)
            {
                // RSA objects are not documented as safe for concurrent use; devices start in parallel in tests.
                withKey = request.CreateSelfSigned(notBefore, notAfter);
            }
        }

        using (withKey)
        {
            // Re-import through PKCS#12 so the private key is usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
    }

    /// <summary>
    /// A CRL of the lab root (RFC 5280 §5), signed with its key: <paramref name="revoked"/> serial numbers listed,
    /// valid from <paramref name="thisUpdate"/> to <paramref name="nextUpdate"/>.
    /// </summary>
    public static byte[] CreateCrl(DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<byte[]> revoked)
    {
        var (rootCert, rootKey) = Root.Value;
        var builder = new CertificateRevocationListBuilder();
        foreach (var serial in revoked) builder.AddEntry(serial, thisUpdate.AddMinutes(-1));
        lock (rootKey)
        {
            return builder.Build(rootCert.SubjectName, X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1), System.Numerics.BigInteger.One,
                nextUpdate, HashAlgorithmName.SHA256, X509AuthorityKeyIdentifierExtension.CreateFromCertificate(rootCert, includeKeyIdentifier: true, includeIssuerAndSerial: false), thisUpdate);
        }
    }

    private static (X509Certificate2, RSA) CreateRoot()
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Contoso Lab Root CA, O=OobWizard Lab", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        // The key stays in memory to issue CA-signed device certificates; only the public part is handed out.
        return (X509CertificateLoader.LoadCertificate(cert.RawData), key);
    }
}
