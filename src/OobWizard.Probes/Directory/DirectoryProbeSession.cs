using System.Globalization;
using OobWizard.Probes.Dns;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// One ad.* probe run: the domain controller found, the account, the evidence so far, and the AMT computer's names.
/// Every connection it opens is closed when the probe ends.
/// </summary>
public sealed class DirectoryProbeSession : IDisposable
{
    private readonly List<LdapReader> _open = [];

    internal DirectoryProbeSession(ProbeContext context, DirectoryProbeOptions options, DirectoryEndpoint endpoint, List<Evidence> evidence)
    {
        Context = context;
        Options = options;
        Endpoint = endpoint;
        Evidence = evidence;
    }

    public ProbeContext Context { get; }

    public DirectorySettings Settings => Context.Directory;

    public DirectoryProbeOptions Options { get; }

    /// <summary>The domain controller in use.</summary>
    public DirectoryEndpoint Endpoint { get; }

    public List<Evidence> Evidence { get; }

    /// <summary>A copy of the rows so far (a probe abandoned at its bound may still be adding to them).</summary>
    public IReadOnlyList<Evidence> Snapshot()
    {
        lock (Evidence)
        {
            return Evidence.ToList();
        }
    }

    /// <summary>Bound for one TCP connect or LDAP request.</summary>
    public TimeSpan RequestTimeout => RequestBound(Context);

    public void Add(string name, string value) => Add(new Evidence(name, value));

    /// <summary>Adds <paramref name="row"/> (a row whose label is built from parts and so names its key).</summary>
    public void Add(Evidence row)
    {
        lock (Evidence)
        {
            Evidence.Add(row);
        }
    }

    /// <summary>A bound connection to the DC in use (or to <paramref name="endpoint"/>), closed with the session.</summary>
    public LdapReader Open(DirectoryEndpoint? endpoint = null, bool anonymous = false)
    {
        var reader = LdapReader.Open(endpoint ?? Endpoint, anonymous ? null : Settings.Credential, RequestTimeout, Settings.TrustedCaFile);
        _open.Add(reader);
        return reader;
    }

    /// <summary>
    /// The global catalog on the DC in use (one search across every domain of the forest), or null with an evidence row
    /// when it does not answer: not every DC is a GC.
    /// </summary>
    public LdapReader? OpenGlobalCatalog()
    {
        try
        {
            return Open(Endpoint.GlobalCatalog());
        }
        catch (DirectoryException ex) when (ex.Kind is LdapFailureKind.Unavailable or LdapFailureKind.Timeout or LdapFailureKind.Tls)
        {
            Add("global catalog", $"not available on {Endpoint.Host}:{Endpoint.GlobalCatalog().Port} ({ex.Message}); searched this domain only");
            return null;
        }
    }

    /// <summary>The AMT computer's FQDN from --target (or the FQDN the console uses when the target is an address), or null.</summary>
    public string? ComputerFqdn()
    {
        var dns = new DnsProbeSession(Context, Options.Dns);
        return dns.TargetName(out _);
    }

    /// <summary>The AMT computer's name (the FQDN's first label, upper case, as ConfigMgr names its accounts), or null.</summary>
    public string? ComputerName() => ComputerFqdn() is { } fqdn ? fqdn.Split('.')[0].ToUpperInvariant() : null;

    /// <summary>The AMT computer's AD domain: --domain, else the FQDN's parent, else the DC's default naming context.</summary>
    public string ComputerDomain(DirectoryEntry rootDse)
    {
        if (!string.IsNullOrWhiteSpace(Context.Domain)) return Context.Domain.Trim().TrimEnd('.').ToLowerInvariant();
        return DcDomain(rootDse) ?? "";
    }

    /// <summary>The DNS name of the domain the DC serves (from its defaultNamingContext), or null.</summary>
    public static string? DcDomain(DirectoryEntry rootDse) =>
        rootDse.First("defaultNamingContext") is { } nc ? DistinguishedName.DomainOf(nc) : null;

    public void Dispose()
    {
        foreach (var r in _open) r.Dispose();
        _open.Clear();
    }

    internal static TimeSpan RequestBound(ProbeContext context) =>
        TimeSpan.FromSeconds(Math.Clamp(context.Timeout.TotalSeconds / 3, 0.5, 10));

    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
