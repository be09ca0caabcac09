namespace OobWizard.Probes;

/// <summary>
/// A read-only live check. Implementations never change a device, DNS or AD. They may throw:
/// <see cref="ProbeRunner"/> bounds their time and turns any exception into an Error result.
/// </summary>
public interface IProbe
{
    /// <summary>Stable id the content names, for example <c>amt.identify</c> or <c>dns.forward</c>.</summary>
    string Id { get; }

    /// <summary>One line in English saying what is checked.</summary>
    string Description { get; }

    /// <summary>The verdicts this probe can return besides inconclusive/error (for lint and docs).</summary>
    IReadOnlyList<string> Verdicts { get; }

    Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken);
}
