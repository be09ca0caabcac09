namespace OobWizard.Probes.Dns;

/// <summary>
/// Shared frame of the dns.* probes: a session with the servers to ask and the evidence gathered,
/// and a guard that turns anything unexpected into an Error result (probes never throw; the
/// caller's cancellation is passed on for <see cref="ProbeRunner"/> to report).
/// </summary>
public abstract class DnsProbe : IProbe
{
    protected DnsProbe(DnsProbeOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public abstract string Id { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<string> Verdicts { get; }

    protected DnsProbeOptions Options { get; }

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = new DnsProbeSession(context, Options);
        try
        {
            return await RunAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return ProbeResult.Error(Id, $"{Id} failed: {ex.GetType().Name}: {ex.Message}", session.Evidence).Keyed("probe.failed", Id, ex.GetType().Name, ex.Message);
        }
    }

    protected abstract Task<ProbeResult> RunAsync(DnsProbeSession session, CancellationToken cancellationToken);

    /// <summary>
    /// The name to ask about and at least one server to ask, or the inconclusive result that says
    /// which is missing (the common start of the probes that look a name up).
    /// </summary>
    protected ProbeResult? NameAndServers(DnsProbeSession session, out string name)
    {
        var target = session.TargetName(out var reason);
        name = target ?? string.Empty;
        if (target is null)
        {
            return ProbeResult.Inconclusive(Id, reason, session.Evidence);
        }

        return session.Servers.Count == 0 ? NoServers(session) : null;
    }

    /// <summary>Inconclusive result when no server is usable, with the reason as evidence.</summary>
    protected ProbeResult NoServers(DnsProbeSession session) =>
        ProbeResult.Inconclusive(Id, session.ServerLine ?? ProbeLine.Of("probe.dns.no-server", "no DNS server to ask"), session.Evidence);
}
