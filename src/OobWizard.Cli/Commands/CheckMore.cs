using OobWizard.Probes;
using OobWizard.Probes.ActiveDirectory;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Certificates;

namespace OobWizard.Cli.Commands;

/// <summary>The parts of `check` beyond AMT and DNS: the ad.* probes when a directory option is given, the cert.* probes when a certificate file is.</summary>
internal static class CheckMore
{
    public static async Task<IReadOnlyList<AmtCheckEntry>> RunAsync(ProbeContext context, Action<AmtCheckEntry> onResult, CancellationToken ct)
    {
        var directory = await DirectoryCheck.RunAsync(context, onResult, ct).ConfigureAwait(false);
        var certificates = await CertificateCheck.RunAsync(context, onResult, ct).ConfigureAwait(false);
        return [.. directory, .. certificates];
    }
}
