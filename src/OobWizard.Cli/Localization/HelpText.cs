namespace OobWizard.Cli.Localization;

/// <summary>
/// System.CommandLine's own words in --help, in the run's language: it renders them from its resources,
/// whose de and ja translations are partial ("Description:", "[default: …]" stay English), so the help is
/// rendered in English (invariant UI culture) and its headings, usage placeholders and labels are replaced
/// here with <c>help.*</c> from messages.yaml. Descriptions are already in the language (<see cref="CommandText"/>).
/// </summary>
public static class HelpText
{
    private static readonly (string English, string Key)[] Headings =
    [
        ("Description:", "help.description"),
        ("Usage:", "help.usage"),
        ("Arguments:", "help.arguments"),
        ("Options:", "help.options"),
        ("Commands:", "help.commands"),
    ];

    /// <summary>The English help text <paramref name="english"/> with System.CommandLine's words in <see cref="Messages.Current"/>'s language.</summary>
    public static string Localize(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        var messages = Messages.Current;
        if (messages.Language == Core.Content.Languages.Default)
        {
            return english;
        }

        var lines = english.Split('\n');
        var inUsage = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var bare = line.TrimEnd('\r');
            if (Array.FindIndex(Headings, h => h.English == bare) is var h and >= 0)
            {
                lines[i] = messages.Format(Headings[h].Key) + line[bare.Length..];
                inUsage = Headings[h].Key == "help.usage";
                continue;
            }

            if (inUsage && bare.Length > 0)
            {
                line = line.Replace(" [command]", " " + messages.Format("help.usage-command"), StringComparison.Ordinal)
                    .Replace(" [options]", " " + messages.Format("help.usage-options"), StringComparison.Ordinal);
            }
            else
            {
                inUsage = false;
            }

            lines[i] = line.Replace("[default: ", "[" + messages.Format("help.default") + ": ", StringComparison.Ordinal)
                .Replace("(REQUIRED)", messages.Format("help.required"), StringComparison.Ordinal);
        }

        return string.Join('\n', lines);
    }
}
