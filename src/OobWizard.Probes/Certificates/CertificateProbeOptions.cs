namespace OobWizard.Probes.Certificates;

/// <summary>What the cert.* probes use besides the <see cref="ProbeContext"/>; tests pin the clock.</summary>
public sealed record CertificateProbeOptions
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Fewer days than this before expiry is a warning (cert.provisioning).</summary>
    public int WarnDays { get; init; } = 30;

    /// <summary>Largest CRL read (a CA's CRL is kilobytes to a few megabytes).</summary>
    public int MaxCrlBytes { get; init; } = 16 * 1024 * 1024;

    public static CertificateProbeOptions Default { get; } = new();
}
