namespace OobWizard.Lab;

/// <summary>One AMT_ProvisioningCertificateHash entry. HashType: 1 SHA-1, 2 SHA-256, 3 SHA-384.</summary>
public sealed record LabHashEntry(string Name, int HashType, byte[] Hash, bool IsDefault, bool Enabled);
