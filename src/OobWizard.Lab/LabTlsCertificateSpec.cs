namespace OobWizard.Lab;

/// <summary>How the device's self-signed TLS certificate looks. Subject null means the AMT FQDN.</summary>
public sealed record LabTlsCertificateSpec(DateTimeOffset NotBefore, DateTimeOffset NotAfter, string? SubjectName = null, int KeySize = 2048);
