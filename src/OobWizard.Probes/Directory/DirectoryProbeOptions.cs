using OobWizard.Probes.Amt;
using OobWizard.Probes.Dns;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>What the ad.* probes use besides the <see cref="ProbeContext"/>; tests and the demo replace parts.</summary>
public sealed class DirectoryProbeOptions
{
    /// <summary>How domain controllers are found from <c>_ldap._tcp.&lt;domain&gt;</c> SRV records (the servers of <c>--dns</c>, else the system's).</summary>
    public DnsProbeOptions Dns { get; init; } = new();

    /// <summary>
    /// AMT's provisioning state for ad.amt-account: true provisioned, false not, null unknown. The default asks the
    /// device through amt.provisioning when a target and an AMT password are given.
    /// </summary>
    public Func<ProbeContext, CancellationToken, Task<bool?>> ProvisioningState { get; init; } = DefaultProvisioningStateAsync;

    public AmtProbeOptions Amt { get; init; } = AmtProbeOptions.Default;

    private static async Task<bool?> DefaultProvisioningStateAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Target) || string.IsNullOrEmpty(context.Password)) return null;
        var result = await new AmtProvisioningProbe(AmtProbeOptions.Default).RunAsync(context, cancellationToken).ConfigureAwait(false);
        return result.Verdict switch
        {
            "provisioned" => true,
            "not-provisioned" => false,
            _ => null,
        };
    }
}
