using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// An X.509 CRL as read from its DER (RFC 5280 §5.1): issuer, thisUpdate/nextUpdate, the revoked serial numbers, and
/// what is needed to check its signature. .NET can build CRLs but not read one, hence this small reader.
/// </summary>
public sealed record CertificateRevocationList(
    X500DistinguishedName Issuer,
    DateTimeOffset ThisUpdate,
    DateTimeOffset? NextUpdate,
    IReadOnlyList<BigInteger> RevokedSerials,
    string SignatureAlgorithm,
    byte[] SignedPart,
    byte[] Signature)
{
    /// <summary>Parses DER, or PEM ("-----BEGIN X509 CRL-----").</summary>
    /// <exception cref="FormatException">not a CRL.</exception>
    public static CertificateRevocationList Parse(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var der = data;
        var text = System.Text.Encoding.ASCII.GetString(data, 0, Math.Min(data.Length, 64));
        if (text.Contains("-----BEGIN X509 CRL-----", StringComparison.Ordinal))
        {
            var pem = PemEncoding.Find(System.Text.Encoding.ASCII.GetString(data));
            der = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(data)[pem.Base64Data]);
        }

        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbsBytes = outer.PeekEncodedValue().ToArray();
            var tbs = outer.ReadSequence();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out _);

            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) tbs.ReadInteger(); // version v2
            tbs.ReadSequence(); // signature AlgorithmIdentifier (repeated inside)
            var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(tbs);
            DateTimeOffset? nextUpdate = null;
            if (tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
            {
                nextUpdate = ReadTime(tbs);
            }

            var revoked = new List<BigInteger>();
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var list = tbs.ReadSequence();
                while (list.HasData)
                {
                    var entry = list.ReadSequence();
                    revoked.Add(entry.ReadInteger());
                }
            }

            return new CertificateRevocationList(issuer, thisUpdate, nextUpdate, revoked, algorithm, tbsBytes, signature);
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            throw new FormatException($"not a DER X.509 CRL: {ex.Message}", ex);
        }
    }

    public bool IsCurrent(DateTimeOffset now) => ThisUpdate <= now.AddMinutes(5) && (NextUpdate is null || now <= NextUpdate);

    public bool Lists(X509Certificate2 certificate) => RevokedSerials.Contains(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));

    /// <summary>True when <paramref name="issuer"/>'s public key verifies the signature (RSA PKCS#1 v1.5 or ECDSA, SHA-1/256/384/512).</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var (hash, ecdsa) = SignatureAlgorithm switch
        {
            "1.2.840.113549.1.1.5" => (HashAlgorithmName.SHA1, false),
            "1.2.840.113549.1.1.11" => (HashAlgorithmName.SHA256, false),
            "1.2.840.113549.1.1.12" => (HashAlgorithmName.SHA384, false),
            "1.2.840.113549.1.1.13" => (HashAlgorithmName.SHA512, false),
            "1.2.840.10045.4.1" => (HashAlgorithmName.SHA1, true),
            "1.2.840.10045.4.3.2" => (HashAlgorithmName.SHA256, true),
            "1.2.840.10045.4.3.3" => (HashAlgorithmName.SHA384, true),
            "1.2.840.10045.4.3.4" => (HashAlgorithmName.SHA512, true),
            _ => (default(HashAlgorithmName), false),
        };
        if (hash.Name is null) return false;
        if (ecdsa)
        {
            using var ec = issuer.GetECDsaPublicKey();
            return ec is not null && ec.VerifyData(SignedPart, Signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }

        using var rsa = issuer.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(SignedPart, Signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
