using System.Security.Cryptography;
using System.Text;

namespace OobWizard.Probes;

/// <summary>
/// Remembers, for one run, which user/password pairs a device refused (HTTP 401 after a Digest answer). AMT can lock
/// an account after repeated failures (its 401 page says so), so a refused password is never sent again in the same
/// run: every AMT probe, <c>check</c> and the wizard share one guard through <see cref="ProbeRun"/>. Only a SHA-256 of
/// the pair is kept, in memory. In a fleet scan each device has its own run and guard, and all of them share one
/// <see cref="SiteCredentialGate"/> (<see cref="Site"/>) that stops a wrong password before it reaches the whole site.
/// </summary>
public sealed class CredentialGuard
{
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _heldBySite;

    public CredentialGuard(SiteCredentialGate? site = null)
    {
        Site = site;
    }

    /// <summary>The scan-wide gate this run's Digest answers pass through; null outside a fleet scan.</summary>
    public SiteCredentialGate? Site { get; }

    /// <summary>
    /// True when a wait at the <see cref="Site"/> gate was cut short (the probe's bound, or the gate closed): what the
    /// run then reported about the credentials is not the device's answer, so a scan checks that device again.
    /// </summary>
    public bool HeldBySite => Volatile.Read(ref _heldBySite) != 0;

    /// <summary>Whether this password was refused for this user earlier in the run.</summary>
    public bool IsRefused(string user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        lock (_lock)
        {
            return _refused.Contains(Key(user, password));
        }
    }

    /// <summary>Records a refusal; from now on no request carries this pair.</summary>
    public void Refuse(string user, string password)
    {
        lock (_lock)
        {
            _refused.Add(Key(user, password));
        }
    }

    /// <summary>
    /// Leave from the <see cref="Site"/> gate to send a Digest answer made from the pair (at once without a site);
    /// null when there is no site. A wait cut short marks the run <see cref="HeldBySite"/>.
    /// </summary>
    public async Task<SiteCredentialPermit?> AdmitAsync(string user, string password, CancellationToken cancellationToken)
    {
        if (Site is null) return null;
        // Held once already: this run's answer about the credentials is spoilt and the scan checks the device again,
        // so its other probes need not wait out their bounds too.
        if (HeldBySite) throw new OperationCanceledException("held at the site credential gate earlier in this run");
        try
        {
            return await Site.AdmitAsync(user, password, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Exchange(ref _heldBySite, 1);
            throw;
        }
    }

    private static string Key(string user, string password) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user + "\0" + password)));
}
