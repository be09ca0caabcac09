using System.Globalization;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.provisioning: AMT_SetupAndConfigurationService.ProvisioningState (0 pre, 1 in, 2 post) and the control mode.
/// When the credentials are refused, the RMCP pong still tells the state: provisioned yet refusing ConfigMgr's
/// credentials is the mark of a device another management solution provisioned.
/// </summary>
public sealed class AmtProvisioningProbe : AmtProbe
{
    public AmtProvisioningProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.provisioning";

    public override string Description => "Is AMT provisioned, and in which mode?";

    public override IReadOnlyList<string> Verdicts { get; } = ["provisioned", "not-provisioned", "in-provisioning"];

    /// <summary>Without a usable password the RMCP pong still tells the state.</summary>
    protected override bool NeedsPassword => false;

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        using var client = scope.Client();
        var evidence = new List<Evidence> { scope.Transport };
        WsmanException? failure;
        try
        {
            var setup = await client.GetAsync("AMT_SetupAndConfigurationService", cancellationToken: cancellationToken).ConfigureAwait(false);
            var state = setup.Long("ProvisioningState");
            evidence.Add(new("ProvisioningState", StateText(state)));
            evidence.Add(new("ProvisioningMode", ModeText(setup.Long("ProvisioningMode"))));
            try
            {
                var hbs = await client.GetAsync("IPS_HostBasedSetupService", cancellationToken: cancellationToken).ConfigureAwait(false);
                evidence.Add(new("CurrentControlMode", ControlModeText(hbs.Long("CurrentControlMode"))));
            }
            catch (WsmanFaultException)
            {
                // IPS_HostBasedSetupService arrived with AMT 6.2; older firmware answers DestinationUnreachable.
                evidence.Add(new("CurrentControlMode", "(IPS_HostBasedSetupService not available: firmware before 6.2)"));
            }

            return Result(state, evidence, credentialsRefused: false);
        }
        catch (WsmanException ex) when (ex is WsmanAuthenticationException or WsmanFaultException { IsAccessDenied: true } or WsmanCertificateRejectedException or WsmanChallengeException)
        {
            // Refused or denied: the RMCP pong still carries the state. (Firmware without WS-Man stays inconclusive:
            // the content then asks, and goes on to the version check.)
            failure = ex;
        }
        catch (WsmanException ex)
        {
            return scope.FromException(ex);
        }

        var refused = failure is WsmanAuthenticationException { CredentialsSent: true } or WsmanAuthenticationException { RefusedEarlier: true };
        evidence.Add(new("WS-Man", refused ? $"the password for {context.User} was refused (HTTP 401)" : failure.Message));
        var pong = await scope.Contact.PongWithinGraceAsync(cancellationToken).ConfigureAwait(false);
        if (pong is null || !pong.IsIntel)
        {
            return scope.FromException(failure);
        }

        evidence.Add(new("RMCP pong", $"{pong.ProvisioningStateText}, AMT {pong.MajorVersion}.{pong.MinorVersion}"));
        return Result(pong.ProvisioningState, evidence, refused);
    }

    private ProbeResult Result(long? state, List<Evidence> evidence, bool credentialsRefused) => state switch
    {
        2 when credentialsRefused => ProbeResult.Finding(Id, "provisioned",
            "AMT is provisioned but refuses these credentials: another management solution may have provisioned it", evidence, AmtDiagnoses.OtherManagementSolution).Keyed("probe.amt.provisioning.refused"),
        2 => ProbeResult.Pass(Id, "AMT is provisioned", evidence, verdict: "provisioned").Keyed("probe.amt.provisioning.pass"),
        1 => ProbeResult.Finding(Id, "in-provisioning", "AMT is in provisioning (setup started but not completed)", evidence).Keyed("probe.amt.provisioning.in-provisioning"),
        0 => ProbeResult.Finding(Id, "not-provisioned", "AMT is not provisioned (pre-provisioning state)", evidence).Keyed("probe.amt.provisioning.not-provisioned"),
        _ => ProbeResult.Inconclusive(Id, "AMT did not report a known provisioning state", evidence).Keyed("probe.amt.provisioning.unknown"),
    };

    private static string StateText(long? state) => state switch
    {
        0 => "0 (pre-provisioning)",
        1 => "1 (in provisioning)",
        2 => "2 (post-provisioning)",
        null => "(not reported)",
        _ => state.Value.ToString(CultureInfo.InvariantCulture),
    };

    // ProvisioningMode once meant 1 Enterprise / 2 Small Business; firmware with control modes reports 1 ACM / 4 CCM.
    private static string ModeText(long? mode) => mode switch
    {
        1 => "1 (enterprise / admin control mode)",
        2 => "2 (small business)",
        3 => "3 (remote connectivity)",
        4 => "4 (client control mode)",
        null => "(not reported)",
        _ => mode.Value.ToString(CultureInfo.InvariantCulture),
    };

    private static string ControlModeText(long? mode) => mode switch
    {
        0 => "0 (not provisioned)",
        1 => "1 (client control mode)",
        2 => "2 (admin control mode)",
        null => "(not reported)",
        _ => mode.Value.ToString(CultureInfo.InvariantCulture),
    };
}
