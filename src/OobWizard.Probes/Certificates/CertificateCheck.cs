using System.Diagnostics;
using OobWizard.Probes.Amt;

namespace OobWizard.Probes.Certificates;

/// <summary>
/// The certificate part of <c>oobwizard check</c> and of <c>oobwizard cert</c>: the cert.* probes that have something
/// to read (<c>--root-ca</c>: root-key and thumbprint; <c>--prov-cert</c>: provisioning; <c>--amt-cert</c>: crl).
/// </summary>
public static class CertificateCheck
{
    public static IReadOnlyList<IProbe> Applicable(ProbeContext context, CertificateProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (context.RootCaFile is not null) wanted.UnionWith(["cert.root-key", "cert.thumbprint"]);
        if (context.Certificates.ProvisioningCertificateFile is not null) wanted.Add("cert.provisioning");
        if (context.Certificates.AmtCertificateFile is not null) wanted.Add("cert.crl");
        return CertificateProbes.All(options).Where(p => wanted.Contains(p.Id)).ToList();
    }

    public static async Task<IReadOnlyList<AmtCheckEntry>> RunAsync(ProbeContext context, Action<AmtCheckEntry>? onResult = null, CancellationToken cancellationToken = default, CertificateProbeOptions? options = null)
    {
        var probes = Applicable(context, options);
        var runner = new ProbeRunner(probes);
        var entries = new List<AmtCheckEntry>();
        foreach (var probe in probes)
        {
            var watch = Stopwatch.StartNew();
            var result = await runner.RunAsync(probe.Id, context, cancellationToken).ConfigureAwait(false);
            var entry = new AmtCheckEntry(result, watch.Elapsed);
            entries.Add(entry);
            onResult?.Invoke(entry);
        }

        return entries;
    }
}
