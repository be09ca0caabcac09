using System.Diagnostics;
using OobWizard.Probes.Amt;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// The Active Directory part of <c>oobwizard check</c>: the ad.* probes, one after another, when a directory option
/// was given (<c>--dc</c>, <c>--ldap-user</c>, <c>--amt-ou</c>, <c>--site-server</c>, <c>--ca-domain</c>).
/// </summary>
public static class DirectoryCheck
{
    public static IReadOnlyList<IProbe> Applicable(ProbeContext context, DirectoryProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Directory.Any ? DirectoryProbes.All(options) : [];
    }

    public static async Task<IReadOnlyList<AmtCheckEntry>> RunAsync(ProbeContext context, Action<AmtCheckEntry>? onResult = null, CancellationToken cancellationToken = default, DirectoryProbeOptions? options = null)
    {
        var probes = Applicable(context, options);
        var runner = new ProbeRunner(probes);
        var entries = new List<AmtCheckEntry>();
        foreach (var probe in probes)
        {
            var watch = Stopwatch.StartNew();
            var result = await runner.RunAsync(probe.Id, context, cancellationToken).ConfigureAwait(false);
            var entry = new AmtCheckEntry(result, watch.Elapsed);
            entries.Add(entry);
            onResult?.Invoke(entry);
        }

        return entries;
    }
}
