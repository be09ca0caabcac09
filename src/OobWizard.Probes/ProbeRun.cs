using System.Collections.Concurrent;
using System.Globalization;
using OobWizard.Probes.Amt;

namespace OobWizard.Probes;

/// <summary>
/// What the probes of one run share: one <c>oobwizard check</c>, or one wizard process. The refused passwords
/// (<see cref="Credentials"/>) last the whole run; what a device said about itself (<see cref="AmtDevice"/>: its
/// ports, whether it is AMT, its TLS certificate) is learnt once and shared until <see cref="Refresh"/>, which the
/// wizard calls before each step's probe so a fix made meanwhile is seen. Copies of a <see cref="ProbeContext"/>
/// made with <see cref="ProbeContext.With"/> share their run.
/// </summary>
public sealed class ProbeRun
{
    private readonly ConcurrentDictionary<string, AmtDevice> _devices = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A run of its own; in a fleet scan, one per device, all sharing the scan's <paramref name="site"/> gate.</summary>
    public ProbeRun(SiteCredentialGate? site = null)
    {
        Credentials = new CredentialGuard(site);
    }

    /// <summary>Passwords a device refused in this run: none of them is sent again.</summary>
    public CredentialGuard Credentials { get; }

    /// <summary>The shared state of the AMT device <paramref name="context"/> aims at (host and ports).</summary>
    public AmtDevice Amt(ProbeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = string.Create(CultureInfo.InvariantCulture, $"{context.Target?.Trim()}|{context.HttpPort}|{context.TlsPort}|{context.UseTls}");
        return _devices.GetOrAdd(key, _ => new AmtDevice());
    }

    /// <summary>Forgets what devices said (ports, identity, certificate), keeping the refused passwords.</summary>
    public void Refresh() => _devices.Clear();
}
