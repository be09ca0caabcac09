namespace OobWizard.Probes.Amt;

/// <summary>
/// The AMT probes, for registration with <see cref="ProbeRunner"/>. All are read-only: Identify, Get, Enumerate and
/// Pull over WS-Man, TCP connects, a TLS handshake and the RMCP ping; never Put or Invoke. Identify comes first: the
/// first contact decides whether the others have anything to ask.
/// </summary>
public static class AmtProbes
{
    public static IReadOnlyList<IProbe> All(AmtProbeOptions? options = null)
    {
        var o = options ?? AmtProbeOptions.Default;
        return
        [
            new AmtIdentifyProbe(o),
            new AmtReachableProbe(o),
            new AmtAuthProbe(o),
            new AmtProvisioningProbe(o),
            new AmtGeneralProbe(o),
            new AmtRedirectionProbe(o),
            new AmtPowerProbe(o),
            new AmtCertHashesProbe(o),
            new AmtTlsProbe(o),
            new AmtNetworkProbe(o),
            new AmtVersionSupportProbe(o),
        ];
    }
}
