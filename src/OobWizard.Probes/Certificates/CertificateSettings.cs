namespace OobWizard.Probes.Certificates;

/// <summary>
/// Certificate files for the cert.* probes besides <see cref="ProbeContext.RootCaFile"/>: the AMT provisioning
/// certificate ConfigMgr presents (<c>--prov-cert</c>, PEM, DER or PFX) and the AMT device's TLS certificate as a file
/// (<c>--amt-cert</c>; without it cert.crl captures the certificate from the device). Hung off
/// <see cref="ProbeContext.Certificates"/>.
/// </summary>
public sealed class CertificateSettings
{
    public static CertificateSettings None { get; } = new();

    public string? ProvisioningCertificateFile { get; init; }

    public string? AmtCertificateFile { get; init; }

    /// <summary>Password of a PFX file (OOBW_PFX_PASSWORD or a masked prompt), asked for on first use; memory only.</summary>
    public Func<string?>? PfxPassword { get; init; }

    public bool Any => ProvisioningCertificateFile is not null || AmtCertificateFile is not null;

    public override string ToString() => $"prov-cert={ProvisioningCertificateFile ?? "-"}, amt-cert={AmtCertificateFile ?? "-"}";
}
