namespace OobWizard.Probes.Certificates;

/// <summary>The cert.* probes that read certificate files.</summary>
public static class CertificateProbes
{
    public static IReadOnlyList<IProbe> All() => [new RootKeyProbe()];
}
