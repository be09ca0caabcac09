namespace OobWizard.Lab;

/// <summary>
/// How the device's TLS certificate looks. Subject null means the AMT FQDN. <see cref="IssuedByLabRoot"/> makes it
/// an enterprise-CA certificate (as ConfigMgr provisions) instead of AMT's self-signed one.
/// </summary>
public sealed record LabTlsCertificateSpec(DateTimeOffset NotBefore, DateTimeOffset NotAfter, string? SubjectName = null, int KeySize = 2048, bool IssuedByLabRoot = false);
