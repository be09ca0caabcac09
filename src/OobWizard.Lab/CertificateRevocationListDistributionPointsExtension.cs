using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Lab;

/// <summary>Builds RFC 5280 §4.2.1.13 CRLDistributionPoints with fullName URIs, which .NET has no builder for.</summary>
public static class CertificateRevocationListDistributionPointsExtension
{
    public static X509Extension Create(IEnumerable<string> urls)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var url in urls)
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, url, new Asn1Tag(TagClass.ContextSpecific, 6));
                }
            }
        }

        return new X509Extension("2.5.29.31", writer.Encode(), critical: false);
    }
}
