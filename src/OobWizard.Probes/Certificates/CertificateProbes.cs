namespace OobWizard.Probes.Certificates;

/// <summary>The cert.* probes: certificate files (PEM, DER, PFX) and the AMT TLS certificate.</summary>
public static class CertificateProbes
{
    public static IReadOnlyList<IProbe> All(CertificateProbeOptions? options = null) =>
        [new RootKeyProbe(), new ThumbprintProbe(), new ProvisioningCertificateProbe(options), new CrlProbe(options)];
}
