namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// Shared frame of the ad.* probes: find the domain controller (<c>--dc</c>, else the domain's SRV records), run the
/// probe's LDAP work on a thread of its own within the probe's bound, and turn every LDAP failure into a verdict
/// (<see cref="LdapVerdicts"/>). When a DC found by SRV does not answer, the next one is tried.
/// </summary>
public abstract class DirectoryProbe : IProbe
{
    private const int MaxControllersTried = 3;

    protected DirectoryProbe(DirectoryProbeOptions? options)
    {
        Options = options ?? new DirectoryProbeOptions();
    }

    public abstract string Id { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<string> Verdicts { get; }

    protected DirectoryProbeOptions Options { get; }

    /// <summary>True for probes that read only what anyone may read (the rootDSE): they never bind with the account.</summary>
    protected virtual bool Anonymous => false;

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Precondition(context) is { } missing) return missing;
        var evidence = new List<Evidence>();
        var settings = context.Directory;
        IReadOnlyList<DirectoryEndpoint> endpoints;
        if (settings.DomainController is { } dc)
        {
            if (!DirectoryEndpoint.TryParse(dc, settings.Security, out var endpoint))
            {
                return ProbeResult.Error(Id, $"--dc '{dc}' is not HOST[:PORT]").Keyed("probe.ad.bad-dc", dc);
            }

            endpoints = [endpoint!];
        }
        else
        {
            var domain = LocatorDomain(context);
            if (domain is null)
            {
                return ProbeResult.Inconclusive(Id, "no domain controller to ask: give --dc HOST, or --domain (or --target FQDN) to find one through _ldap._tcp SRV records").Keyed("probe.ad.no-dc");
            }

            var (found, problem) = await DomainControllerLocator.LocateAsync(domain, settings.Security, context, Options.Dns, evidence, cancellationToken).ConfigureAwait(false);
            if (found.Count == 0)
            {
                return ProbeResult.Inconclusive(Id, problem ?? ProbeLine.Of("probe.ad.no-dc-found", $"no domain controller found for {domain}", domain), evidence);
            }

            endpoints = found;
        }

        var state = await PrepareAsync(context, evidence, cancellationToken).ConfigureAwait(false);
        var bound = context.Timeout - TimeSpan.FromMilliseconds(Math.Min(500, context.Timeout.TotalMilliseconds / 10));
        DirectoryException? last = null;
        foreach (var endpoint in endpoints.Take(MaxControllersTried))
        {
            var session = new DirectoryProbeSession(context, Options, endpoint, [.. evidence]);
            session.Add("domain controller", $"{DomainControllerLocator.Describe(endpoint)}, bound as {(settings.Credential is { } c && !Anonymous ? c.User : "anonymous")}");
            try
            {
                return await LdapWork.RunAsync(() =>
                {
                    using (session)
                    {
                        return Run(session, state);
                    }
                }, bound, Id, cancellationToken).ConfigureAwait(false);
            }
            catch (DirectoryException ex)
            {
                last = ex;
                if (ex.Kind is not LdapFailureKind.Unavailable || endpoints.Count == 1)
                {
                    return LdapVerdicts.From(Id, ex, session.Snapshot());
                }

                evidence.Add(new Evidence(DomainControllerLocator.Describe(endpoint), ex.Message).Keyed("evidence.label.endpoint", DomainControllerLocator.Describe(endpoint)));
            }
        }

        return LdapVerdicts.From(Id, last!, evidence);
    }

    /// <summary>An inconclusive result when an option the probe needs is missing, else null.</summary>
    protected virtual ProbeResult? Precondition(ProbeContext context) => null;

    /// <summary>Asynchronous preparation outside the LDAP thread (for example AMT's provisioning state).</summary>
    protected virtual Task<object?> PrepareAsync(ProbeContext context, List<Evidence> evidence, CancellationToken cancellationToken) => Task.FromResult<object?>(null);

    /// <summary>The probe's LDAP work; blocking calls are fine here. Throw <see cref="DirectoryException"/> for failures.</summary>
    protected abstract ProbeResult Run(DirectoryProbeSession session, object? state);

    /// <summary>The domain whose SRV records name the DC: --domain, else the AMT FQDN's parent domain.</summary>
    protected static string? LocatorDomain(ProbeContext context)
    {
        if (!string.IsNullOrWhiteSpace(context.Domain)) return context.Domain.Trim().TrimEnd('.');
        var fqdn = context.Fqdn ?? context.Target;
        if (string.IsNullOrWhiteSpace(fqdn) || DomainControllerLocator.IsAddress(fqdn.Trim('[', ']'))) return null;
        var dot = fqdn.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < fqdn.Length - 1 ? fqdn[(dot + 1)..].TrimEnd('.') : null;
    }
}
