using OobWizard.Core.Content;
using OobWizard.Probes;

namespace OobWizard.Cli;

/// <summary>A probe result's summary in the run's language.</summary>
public static class ProbeText
{
    /// <summary>
    /// The English <see cref="ProbeResult.Summary"/> in English, or when the probe gives no message key; otherwise the
    /// key's text from the language's messages.yaml with <see cref="ProbeResult.SummaryArgs"/> (English if the language lacks it).
    /// </summary>
    public static string Summary(ProbeResult result, Messages? messages = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var m = messages ?? Messages.Current;
        if (result.SummaryKey is not { } key || m.Language == Languages.Default)
        {
            return result.Summary;
        }

        return m.Format(key, [.. result.SummaryArgs]);
    }
}
