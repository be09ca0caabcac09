namespace OobWizard.Core.Content;

/// <summary>The languages the content is written in, and how the wizard picks one.</summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> All = ["en", "de", "ja"];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    /// <summary>
    /// The language from the POSIX locale variables in their order of precedence
    /// (LC_ALL, LC_MESSAGES, LANG), for example <c>de_DE.UTF-8</c> gives <c>de</c>.
    /// Falls back to <see cref="Default"/> when none names a known language.
    /// </summary>
    public static string FromEnvironment(Func<string, string?> getVariable)
    {
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var value = getVariable(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var code = value.Split('_', '.', '@', '-')[0].ToLowerInvariant();
            // The first variable that is set decides, as in setlocale(3): LC_ALL=C means C, not LANG.
            return IsKnown(code) ? code : Default;
        }

        return Default;
    }
}
