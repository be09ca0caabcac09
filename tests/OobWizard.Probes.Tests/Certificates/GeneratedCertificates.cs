using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Probes.Certificates;

namespace OobWizard.Probes.Tests.Certificates;

/// <summary>Certificates made for one test (System.Security.Cryptography): a root, issued certificates, CRLs, files in a temporary folder.</summary>
internal sealed class GeneratedCertificates : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("oobw-cert-").FullName;

    public static X509Certificate2 Root(int bits = 2048, string name = "CN=Test Root CA")
    {
        using var key = RSA.Create(bits);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1000), DateTimeOffset.UtcNow.AddYears(5));
    }

    /// <param name="amtOid">put the Intel AMT provisioning OID in the EKU.</param>
    /// <param name="amtOu">put OU=Intel(R) Client Setup Certificate in the subject.</param>
    public static X509Certificate2 Issue(X509Certificate2 root, DateTimeOffset from, DateTimeOffset to, bool amtOid = true, bool amtOu = false, bool serverAuth = true,
        IReadOnlyList<string>? crlUrls = null, string cn = "provisioning.corp.fabrikam.test")
    {
        using var key = RSA.Create(2048);
        var subject = amtOu ? $"CN={cn}, OU={ProvisioningCertificateProbe.AmtSetupOu}" : $"CN={cn}";
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var ekus = new OidCollection();
        if (serverAuth) ekus.Add(new Oid(ProvisioningCertificateProbe.ServerAuthOid));
        if (amtOid) ekus.Add(new Oid(ProvisioningCertificateProbe.AmtProvisioningOid));
        if (!serverAuth && !amtOid) ekus.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(ekus, false));
        if (crlUrls is not null) request.CertificateExtensions.Add(OobWizard.Lab.CertificateRevocationListDistributionPointsExtension.Create(crlUrls));
        var serial = RandomNumberGenerator.GetBytes(10);
        serial[0] &= 0x7F;
        using var issued = request.Create(root, from, to, serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A CRL of <paramref name="issuer"/> (which holds its private key).</summary>
    public static byte[] Crl(X509Certificate2 issuer, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var c in revoked) builder.AddEntry(c, thisUpdate.AddMinutes(-5));
        return builder.Build(issuer, System.Numerics.BigInteger.One, nextUpdate, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate);
    }

    public string Pem(X509Certificate2 cert, string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, cert.ExportCertificatePem());
        return path;
    }

    public string Der(X509Certificate2 cert, string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, cert.RawData);
        return path;
    }

    public string Pfx(X509Certificate2 cert, string password, string name, params X509Certificate2[] chain)
    {
        var collection = new X509Certificate2Collection(cert);
        foreach (var c in chain) collection.Add(X509CertificateLoader.LoadCertificate(c.RawData));
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, collection.Export(X509ContentType.Pkcs12, password)!);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);
}
