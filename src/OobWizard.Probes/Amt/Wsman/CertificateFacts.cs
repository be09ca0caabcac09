using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// The facts of a device certificate that matter for diagnosis, captured whether or not it validated: validity
/// dates (AMT's self-signed "date zero" certificate starts in 1999/2000), subject and DNS names against the FQDN in
/// use, key length, issuer and CRL distribution points (WinRM on Server 2008 R2 checks the CRL).
/// </summary>
public sealed record CertificateFacts(
    string Subject,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string KeyAlgorithm,
    int KeySize,
    string Sha1Thumbprint,
    string Sha256Thumbprint,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> CrlDistributionPoints,
    bool SelfSigned)
{
    /// <summary>Certificates starting before this were made with AMT's clock unset ("date zero" in Amtopmgr.log).</summary>
    public static readonly DateTimeOffset ZeroDateLimit = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public bool HasZeroDate => NotBefore < ZeroDateLimit;

    public bool IsExpired(DateTimeOffset now) => now > NotAfter;

    public bool IsNotYetValid(DateTimeOffset now) => now < NotBefore;

    public static CertificateFacts From(X509Certificate2 cert)
    {
        ArgumentNullException.ThrowIfNull(cert);
        var names = new List<string>();
        var cn = cert.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var san = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is not null)
        {
            names.AddRange(san.EnumerateDnsNames());
        }

        if (!string.IsNullOrEmpty(cn) && !names.Contains(cn, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(cn);
        }

        var (algorithm, size) = KeyOf(cert);
        return new CertificateFacts(
            cert.Subject,
            cert.Issuer,
            new DateTimeOffset(cert.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            algorithm,
            size,
            cert.GetCertHashString(HashAlgorithmName.SHA1),
            cert.GetCertHashString(HashAlgorithmName.SHA256),
            names,
            CrlUrls(cert),
            string.Equals(cert.Subject, cert.Issuer, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="fqdn"/> is one of the certificate's names (a leading "*." covers one label).</summary>
    public bool Matches(string fqdn)
    {
        var name = fqdn.TrimEnd('.');
        foreach (var candidate in DnsNames)
        {
            if (string.Equals(candidate.TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase)) return true;
            if (candidate.StartsWith("*.", StringComparison.Ordinal))
            {
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && string.Equals(candidate[2..], name[(dot + 1)..], StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }

    public IReadOnlyList<Evidence> ToEvidence()
    {
        var rows = new List<Evidence>
        {
            new("TLS certificate subject", Subject),
            new("TLS certificate issuer", SelfSigned ? $"{Issuer} (self-signed)" : Issuer),
            new("TLS certificate valid from", NotBefore.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            new("TLS certificate valid to", NotAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            Evidence.Ours("TLS certificate names", DnsNames.Count == 0 ? "(none)" : string.Join(", ", DnsNames)),
            new("TLS certificate key", $"{KeyAlgorithm} {KeySize.ToString(CultureInfo.InvariantCulture)} bits"),
            new("TLS certificate SHA-1", Sha1Thumbprint),
        };
        rows.Add(Evidence.Ours("TLS certificate CRL distribution points", CrlDistributionPoints.Count == 0 ? "(none)" : string.Join(", ", CrlDistributionPoints)));
        return rows;
    }

    private static (string Algorithm, int Size) KeyOf(X509Certificate2 cert)
    {
        using var rsa = cert.GetRSAPublicKey();
        if (rsa is not null) return ("RSA", rsa.KeySize);
        using var ec = cert.GetECDsaPublicKey();
        if (ec is not null) return ("ECDSA", ec.KeySize);
        return (cert.PublicKey.Oid.FriendlyName ?? cert.PublicKey.Oid.Value ?? "unknown", 0);
    }

    /// <summary>RFC 5280 §4.2.1.13: SEQUENCE OF DistributionPoint, taking fullName URIs ([6] IA5String) only.</summary>
    private static IReadOnlyList<string> CrlUrls(X509Certificate2 cert)
    {
        var ext = cert.Extensions["2.5.29.31"];
        if (ext is null) return [];
        var urls = new List<string>();
        try
        {
            var reader = new AsnReader(ext.RawData, AsnEncodingRules.DER);
            var points = reader.ReadSequence();
            while (points.HasData)
            {
                var point = points.ReadSequence();
                if (!point.HasData) continue;
                var tag = point.PeekTag();
                if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue != 0) continue;
                var dpName = point.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
                if (!dpName.HasData) continue;
                var nameTag = dpName.PeekTag();
                if (nameTag.TagClass != TagClass.ContextSpecific || nameTag.TagValue != 0) continue;
                var generalNames = dpName.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
                while (generalNames.HasData)
                {
                    var gnTag = generalNames.PeekTag();
                    if (gnTag.TagClass == TagClass.ContextSpecific && gnTag.TagValue == 6)
                    {
                        urls.Add(generalNames.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6)));
                    }
                    else
                    {
                        generalNames.ReadEncodedValue();
                    }
                }
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension is itself a finding for a human, not a reason to drop the rest of the evidence.
            urls.Add("(unreadable CRL distribution point extension)");
        }

        return urls;
    }
}
