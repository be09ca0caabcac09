using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// cert.provisioning: the AMT provisioning certificate ConfigMgr presents (<c>--prov-cert</c>, PEM, DER or PFX) as AMT
/// accepts it: the Intel AMT provisioning OID 2.16.840.1.113741.1.2.3 in its enhanced key usage or the OU
/// "Intel(R) Client Setup Certificate" in its subject, server authentication usage, a chain to the root CA
/// (<c>--root-ca</c>, intermediates from the file), and validity now (a warning under 30 days left).
/// Verdicts: pass, no-amt-oid, no-server-auth, untrusted, expired, not-yet-valid, expiring.
/// </summary>
public sealed class ProvisioningCertificateProbe : IProbe
{
    public const string AmtProvisioningOid = "2.16.840.1.113741.1.2.3";
    public const string AmtSetupOu = "Intel(R) Client Setup Certificate";
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly CertificateProbeOptions _options;

    public ProvisioningCertificateProbe(CertificateProbeOptions? options = null) => _options = options ?? CertificateProbeOptions.Default;

    public string Id => "cert.provisioning";

    public string Description => "The AMT provisioning certificate has the AMT OID or OU, server authentication, a chain to the root, and is in date";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "no-amt-oid", "no-server-auth", "untrusted", "expired", "not-yet-valid", "expiring"];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (context.Certificates.ProvisioningCertificateFile is not { } file)
        {
            return Task.FromResult(ProbeResult.Inconclusive(Id, "no provisioning certificate given (--prov-cert FILE)").Keyed("probe.cert.prov.no-file"));
        }

        IReadOnlyList<X509Certificate2> all;
        try
        {
            all = CertificateFile.LoadAll(file, context.Certificates.PfxPassword);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return Task.FromResult(ProbeResult.Error(Id, $"cannot read --prov-cert {file}: {ex.Message.Trim()}").Keyed("probe.cannot-read-file", "--prov-cert", file, ex.Message.Trim()));
        }

        try
        {
            return Task.FromResult(Judge(all[0], all.Skip(1).ToList(), context.RootCaFile, file));
        }
        finally
        {
            foreach (var c in all) c.Dispose();
        }
    }

    private ProbeResult Judge(X509Certificate2 cert, IReadOnlyList<X509Certificate2> extra, string? rootFile, string file)
    {
        var now = _options.Time.GetUtcNow();
        var ekus = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>()).Select(o => o.Value ?? "").ToList();
        var ous = cert.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(r => r.GetSingleElementType().Value == "2.5.4.11").Select(r => r.GetSingleElementValue() ?? "").ToList();
        var hasOid = ekus.Contains(AmtProvisioningOid);
        var hasOu = ous.Any(o => string.Equals(o, AmtSetupOu, StringComparison.OrdinalIgnoreCase));
        var daysLeft = (int)Math.Floor((cert.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays);
        var evidence = new List<Evidence>
        {
            new("subject", cert.Subject),
            new("issuer", cert.Issuer),
            Evidence.Ours("AMT provisioning OID " + AmtProvisioningOid, hasOid ? "present" : "absent").Keyed("evidence.label.amt-provisioning-oid", AmtProvisioningOid),
            Evidence.Ours("OU " + AmtSetupOu, hasOu ? "present" : "absent").Keyed("evidence.label.ou-named", AmtSetupOu),
            Evidence.Ours("enhanced key usage", ekus.Count == 0 ? "(none: any usage)" : string.Join(", ", ekus.Select(Name))),
            new("valid", $"{cert.NotBefore.ToUniversalTime():yyyy-MM-dd} to {cert.NotAfter.ToUniversalTime():yyyy-MM-dd} ({daysLeft.ToString(CultureInfo.InvariantCulture)} days left)"),
            new("SHA-1 thumbprint", cert.Thumbprint),
            new("file", file),
        };

        string? chainProblem = null;
        var chainRoot = "";
        if (rootFile is not null)
        {
            using var root = CertificateFile.Load(rootFile);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            foreach (var e in extra) chain.ChainPolicy.ExtraStore.Add(e);
            var built = chain.Build(cert);
            var statuses = chain.ChainStatus.Where(s => s.Status is not (X509ChainStatusFlags.NotTimeValid or X509ChainStatusFlags.NoError)).ToList();
            var path = string.Join(" → ", chain.ChainElements.Select(el => el.Certificate.GetNameInfo(X509NameType.SimpleName, false)));
            evidence.Add(new("chain", $"{path} ({(built || statuses.Count == 0 ? "to the root given" : string.Join(", ", statuses.Select(s => s.Status)))})"));
            var endsAtRoot = chain.ChainElements.Count > 0 && chain.ChainElements[^1].Certificate.RawData.AsSpan().SequenceEqual(root.RawData);
            if (statuses.Count > 0 || !endsAtRoot) (chainProblem, chainRoot) = ($"does not chain to {root.Subject}", root.Subject);
        }
        else
        {
            evidence.Add(new("chain", "not checked (give --root-ca FILE)"));
        }

        if (!hasOid && !hasOu)
        {
            return ProbeResult.Finding(Id, "no-amt-oid", $"neither the AMT provisioning OID {AmtProvisioningOid} nor the OU \"{AmtSetupOu}\": AMT refuses it for provisioning", evidence).Keyed("probe.cert.prov.no-amt-oid", AmtProvisioningOid, AmtSetupOu);
        }

        if (ekus.Count > 0 && !ekus.Contains(ServerAuthOid))
        {
            return ProbeResult.Finding(Id, "no-server-auth", "no server authentication usage (1.3.6.1.5.5.7.3.1)", evidence).Keyed("probe.cert.prov.no-server-auth");
        }

        if (chainProblem is not null)
        {
            return ProbeResult.Finding(Id, "untrusted", $"the certificate {chainProblem}: AMT needs that root's hash", evidence, "prov.cert-hash-missing").Keyed("probe.cert.prov.untrusted", chainRoot);
        }

        if (now > cert.NotAfter.ToUniversalTime())
        {
            return ProbeResult.Finding(Id, "expired", $"expired on {cert.NotAfter.ToUniversalTime():yyyy-MM-dd}", evidence).Keyed("probe.cert.prov.expired", Day(cert.NotAfter));
        }

        if (now < cert.NotBefore.ToUniversalTime())
        {
            return ProbeResult.Finding(Id, "not-yet-valid", $"not valid before {cert.NotBefore.ToUniversalTime():yyyy-MM-dd}", evidence).Keyed("probe.cert.prov.not-yet-valid", Day(cert.NotBefore));
        }

        if (daysLeft < _options.WarnDays)
        {
            return ProbeResult.Finding(Id, "expiring", $"expires in {daysLeft} days ({cert.NotAfter.ToUniversalTime():yyyy-MM-dd}): renew it before provisioning stops", evidence).Keyed("probe.cert.prov.expiring", daysLeft, Day(cert.NotAfter));
        }

        return ProbeResult.Pass(Id, $"usable for AMT provisioning ({(hasOid ? "AMT OID" : "AMT OU")}, server authentication, {daysLeft} days left)", evidence).Keyed(hasOid ? "probe.cert.prov.pass-oid" : "probe.cert.prov.pass-ou", daysLeft);
    }

    private static string Name(string oid) => oid switch
    {
        ServerAuthOid => "server authentication",
        AmtProvisioningOid => "Intel AMT provisioning",
        "1.3.6.1.5.5.7.3.2" => "client authentication",
        _ => oid,
    };

    private static string Day(DateTime when) => when.ToUniversalTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
