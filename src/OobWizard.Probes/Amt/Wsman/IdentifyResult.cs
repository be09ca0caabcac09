namespace OobWizard.Probes.Amt.Wsman;

/// <summary>DSP0226 §11 IdentifyResponse fields (AMT: ProductVendor "Intel(r)", ProductVersion "AMT 8.1.57").</summary>
public sealed record IdentifyResult(string? ProtocolVersion, string? ProductVendor, string? ProductVersion, string? ServerHeader)
{
    public bool IsIntelAmt =>
        (ProductVendor?.Contains("Intel", StringComparison.OrdinalIgnoreCase) ?? false)
        && (ProductVersion?.StartsWith("AMT", StringComparison.OrdinalIgnoreCase) ?? false);
}
