namespace OobWizard.Probes.Amt;

/// <summary>
/// The AMT probes, for registration with <see cref="ProbeRunner"/>. All are read-only: Identify, Get, Enumerate and
/// Pull over WS-Man, TCP connects, a TLS handshake and the RMCP ping; never Put or Invoke.
/// </summary>
public static class AmtProbes
{
    public static IReadOnlyList<IProbe> All(AmtProbeOptions? options = null)
    {
        var o = options ?? AmtProbeOptions.Default;
        return
        [
            new AmtReachableProbe(o),
            new AmtIdentifyProbe(),
            new AmtAuthProbe(),
            new AmtProvisioningProbe(o),
            new AmtGeneralProbe(),
            new AmtRedirectionProbe(),
            new AmtPowerProbe(),
            new AmtCertHashesProbe(),
            new AmtTlsProbe(o),
            new AmtNetworkProbe(),
            new AmtVersionSupportProbe(),
        ];
    }
}
