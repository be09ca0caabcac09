namespace OobWizard.Probes.Amt;

/// <summary>An RMCP presence pong from Intel firmware: the WS-Man port it announces, its version and provisioning state.</summary>
public sealed record RmcpPong(int IanaEnterprise, int WsmanPort, int MajorVersion, int MinorVersion, int ProvisioningState, bool Dash)
{
    public bool IsIntel => IanaEnterprise == 343;

    public string ProvisioningStateText => ProvisioningState switch
    {
        0 => "pre-provisioning (not configured)",
        1 => "in provisioning",
        2 => "post-provisioning (configured)",
        _ => $"unknown ({ProvisioningState})",
    };
}
