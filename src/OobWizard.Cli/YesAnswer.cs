namespace OobWizard.Cli;

/// <summary>
/// How a "[y/N]" question of the command line reads its answer: the run's language's yes words (message
/// <c>prompt.yes-words</c>, comma-separated: de "j, ja", ja "y, はい") and always "y" and "yes", any case, trimmed.
/// Anything else, an empty line or the end of input is no.
/// </summary>
public static class YesAnswer
{
    /// <summary>True when <paramref name="answer"/> is a yes in <paramref name="messages"/>' language or y/yes.</summary>
    public static bool IsYes(string? answer, Messages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var a = answer?.Trim();
        if (string.IsNullOrEmpty(a))
        {
            return false;
        }

        return Words(messages).Any(w => string.Equals(w, a, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The words taken as yes: the language's, then "y" and "yes".</summary>
    public static IReadOnlyList<string> Words(Messages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var own = (messages.Find("prompt.yes-words") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. own.Concat(["y", "yes"]).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
