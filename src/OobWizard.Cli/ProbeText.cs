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

        return Format(m, key, result.SummaryArgs);
    }

    /// <summary><paramref name="key"/> with <paramref name="args"/> in <paramref name="messages"/>' language; a nested message (<see cref="KeyedText"/>) is said first.</summary>
    public static string Format(Messages messages, string key, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return KeyedText.Format(messages.Format, key, args);
    }

    /// <summary>
    /// An evidence row's label in the run's language: its key (<see cref="Evidence.LabelKey"/>) when English has it, else the
    /// English <see cref="Evidence.Name"/> as it stands. A key the language lacks is English and recorded in <see cref="Messages.Fallbacks"/>.
    /// </summary>
    /// <summary>An evidence row's value in the run's language when our own code wrote it as fixed words (<see cref="Evidence.ValueKey"/>), else as observed.</summary>
    public static string EvidenceValue(Evidence evidence, Messages? messages = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var m = messages ?? Messages.Current;
        return m.Language == Languages.Default || evidence.ValueKey is not { } key || !m.Has(key) ? evidence.Value : m.Format(key);
    }

    public static string EvidenceName(Evidence evidence, Messages? messages = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var m = messages ?? Messages.Current;
        return m.Language == Languages.Default
            ? evidence.Name
            : EvidenceLabel.Format(m.Format, m.Has, evidence.Name, evidence.NameKey, evidence.NameArgs);
    }
}
