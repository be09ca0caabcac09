using System.CommandLine;
using System.Text;
using OobWizard.Cli.Install;
using OobWizard.Cli.Localization;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// --help of the root and of every subcommand (found in the built tree, so a new command is covered at
/// once) in de and ja, by --lang and by LANG: descriptions, System.CommandLine's headings and the examples
/// in the language, no English sentence or function word (option names, commands and example command lines aside).
/// </summary>
public sealed class HelpLanguageTests
{
    private static RootCommand Tree() => CliApp.Build(new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = TextWriter.Null });

    /// <summary>Every command path ("", "lab", "lab serve", ...) in de and ja, by --lang and by LANG.</summary>
    public static TheoryData<string, string, bool> Helps()
    {
        var data = new TheoryData<string, string, bool>();
        var paths = new List<string> { "" };
        void Walk(Command c, string prefix)
        {
            foreach (var sub in c.Subcommands)
            {
                var path = (prefix + " " + sub.Name).Trim();
                paths.Add(path);
                Walk(sub, path);
            }
        }

        Walk(Tree(), "");
        foreach (var path in paths)
        {
            foreach (var lang in new[] { "de", "ja" })
            {
                data.Add(path, lang, true);
                data.Add(path, lang, false);
            }
        }

        return data;
    }

    private static (int Exit, string Out, string Err) Help(string command, string lang, bool byOption)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var env = new Dictionary<string, string?> { ["LANG"] = byOption ? "en_US.UTF-8" : lang == "de" ? "de_DE.UTF-8" : "ja_JP.UTF-8" };
        var host = new CliHost { In = TextReader.Null, Out = o, Err = e, Env = env.GetValueOrDefault, IsTerminal = false };
        string[] args = [.. byOption ? new[] { "--lang", lang } : [], .. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];
        var exit = CliApp.RunAsync(["--content", Repo.Content, .. args], host).GetAwaiter().GetResult();
        return (exit, o.ToString(), e.ToString());
    }

    [Theory]
    [MemberData(nameof(Helps))]
    public void Help_speaks_the_language(string command, string lang, bool byOption)
    {
        var (exit, output, err) = Help(command, lang, byOption);

        Assert.True(exit == 0, err);
        var what = $"oobwizard {command} --help";
        // The example lines are command lines (each starts with oobwizard or a variable it reads); their comments are in the language.
        var examples = output.ReplaceLineEndings("\n").Split('\n')
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l.TrimStart().Split('#')[0] is var cmd && (cmd.StartsWith("oobwizard", StringComparison.Ordinal) || cmd.StartsWith("OOBW_", StringComparison.Ordinal) || cmd.Contains(" | ", StringComparison.Ordinal)))
            .Select(l => l.Split('#')[0]);
        EnglishLeak.AssertNone(lang, output, what);
        EnglishLeak.AssertNoEnglishWords(lang, output, what, [.. examples]);
        foreach (var english in new[] { "Description:", "Usage:", "Options:", "Commands:", "Arguments:", "[default:", "[options]", "[command]", "Show help", "Show version" })
        {
            Assert.False(output.Contains(english, StringComparison.Ordinal), $"{what} [{lang}] shows '{english}':\n{output}");
        }

        Assert.Contains(Messages.Load(new FolderContentSource(Repo.Content), lang).Format("help.options"), output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_help_text_has_its_key_in_every_language_and_the_English_is_the_codes()
    {
        var english = EnglishLeak.Read("en");
        var problems = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (symbol, keys) in CommandText.Keys(Tree()))
        {
            var key = keys.FirstOrDefault(english.ContainsKey);
            if (key is null)
            {
                if (seen.Add(keys[^1]))
                {
                    problems.AppendLine($"missing: {keys[^1]}: \"{symbol.Description}\"");
                }

                continue;
            }

            if (english[key] != symbol.Description && keys.Length > 1 && key == keys[^1] && seen.Add(keys[0]))
            {
                problems.AppendLine($"differs (give it its own key): {keys[0]}: \"{symbol.Description}\"");
            }
            else if (english[key] != symbol.Description && (keys.Length == 1 || key == keys[0]))
            {
                problems.AppendLine($"differs: {key}: \"{symbol.Description}\" (en/messages.yaml: \"{english[key]}\")");
            }

            foreach (var lang in new[] { "de", "ja" })
            {
                if (!EnglishLeak.Read(lang).ContainsKey(key))
                {
                    problems.AppendLine($"missing in {lang}: {key}");
                }
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public async Task No_help_text_falls_back_to_English(string lang)
    {
        var messages = Messages.Load(new FolderContentSource(Repo.Content), lang);
        // In a task of its own: the run's messages are an AsyncLocal, and this flow's stay as they were.
        await Task.Run(() =>
        {
            Messages.Use(messages);
            _ = Tree();
        });

        Assert.Empty(messages.Fallbacks);
    }

    /// <summary>Every command path's --help in en, de and ja.</summary>
    public static TheoryData<string, string> HelpsInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Helps().Select(row => (string)row[0]).Distinct())
        {
            foreach (var lang in new[] { "en", "de", "ja" })
            {
                data.Add(path, lang);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HelpsInEveryLanguage))]
    public void An_options_description_does_not_repeat_the_default_help_shows(string command, string lang)
    {
        // System.CommandLine adds "[default: 5]" ("[Vorgabe: 5]", "[既定: 5]") for an option with a default value; a
        // description that says "(default 5)" as well shows it twice.
        var (exit, output, err) = Help(command, lang, byOption: true);
        var word = Messages.Load(new FolderContentSource(Repo.Content), lang).Format("help.default");

        Assert.True(exit == 0, err);
        var shown = new System.Text.RegularExpressions.Regex(@"\[" + System.Text.RegularExpressions.Regex.Escape(word) + @": ([^\]]+)\]\s*$");
        var withDefault = 0;
        foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
        {
            var m = shown.Match(line);
            if (!m.Success) continue;
            withDefault++;
            var description = line[..m.Index];
            var value = m.Groups[1].Value.Trim();
            var twice = System.Text.RegularExpressions.Regex.IsMatch(description,
                System.Text.RegularExpressions.Regex.Escape(word) + @":?\s*" + System.Text.RegularExpressions.Regex.Escape(value) + @"(?![\w.])", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.False(twice, $"oobwizard {command} --help [{lang}] shows the default twice:\n{line}");
        }

        if (command is "check" or "logs")
        {
            Assert.True(withDefault > 0, $"oobwizard {command} --help [{lang}] shows no [{word}: ...] at all:\n{output}");
        }
    }
}
