using System.Text.RegularExpressions;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests;

/// <summary>Lint's placeholder rule knows every UI string the code formats with arguments, and how many.</summary>
public sealed partial class UiArgumentsTests
{
    // Ui("key", arg...) in the front ends, UiFormat(lang, "key", arg...) anywhere.
    [GeneratedRegex("""\b(?:Ui|UiFormat)\((?:[A-Za-z_.]+, )?"(?<key>[a-z][a-z0-9.-]*)", (?<args>[^;]*)""")]
    private static partial Regex FormattedCall();

    [Fact]
    public void Every_ui_string_the_code_formats_is_in_the_table_with_its_argument_count()
    {
        var calls = Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => FormattedCall().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.NotEmpty(calls);
        foreach (var (file, key) in calls)
        {
            Assert.True(UiArguments.Count.ContainsKey(key), $"{file} formats UI string '{key}' with arguments; add it to UiArguments");
        }
    }

    [Fact]
    public void The_shipped_ui_strings_use_only_the_arguments_the_code_passes()
    {
        var content = ContentLoader.Load(Repo.Content);

        foreach (var (lang, strings) in content.UiStrings)
        {
            foreach (var (key, count) in UiArguments.Count)
            {
                if (strings.TryGetValue(key, out var text))
                {
                    Assert.True(UiPlaceholders.Problem(text, count) is null, $"{lang}/ui.yaml {key}: {UiPlaceholders.Problem(text, count)}");
                }
            }
        }
    }
}
