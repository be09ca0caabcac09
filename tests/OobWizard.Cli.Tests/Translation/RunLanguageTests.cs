using OobWizard.Cli.Localization;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>The run's language is found from the arguments before they are parsed: --lang in each spelling, else LC_ALL/LC_MESSAGES/LANG.</summary>
public sealed class RunLanguageTests
{
    private static Func<string, string?> Env(string? lang) => name => name == "LANG" ? lang : null;

    [Theory]
    [InlineData(new[] { "--lang", "ja", "--help" }, "de_DE.UTF-8", "ja")]
    [InlineData(new[] { "scan", "--lang=de", "--help" }, "ja_JP.UTF-8", "de")]
    [InlineData(new[] { "--lang:ja" }, null, "ja")]
    [InlineData(new[] { "--help" }, "de_DE.UTF-8", "de")]
    [InlineData(new[] { "--lang", "xx" }, "ja_JP.UTF-8", "ja")] // not a language: the parser reports it, in LANG's language
    [InlineData(new[] { "--lang" }, "de_DE.UTF-8", "de")]
    [InlineData(new[] { "logs", "--", "--lang", "ja" }, "de_DE.UTF-8", "de")] // after --, a file name
    [InlineData(new[] { "--language", "ja" }, null, "en")]
    public void The_language_comes_from_lang_else_the_environment(string[] args, string? lang, string expected) =>
        Assert.Equal(expected, RunLanguage.Of(args, Env(lang)).Language);

    [Fact]
    public void The_content_folder_is_found_too() =>
        Assert.Equal("/x", RunLanguage.Of(["lint", "--content=/x", "--lang", "de"], Env(null)).Content);

    [Fact]
    public void LC_ALL_wins_over_LANG() =>
        Assert.Equal("ja", RunLanguage.Of([], n => n switch { "LC_ALL" => "ja_JP.UTF-8", "LANG" => "de_DE.UTF-8", _ => null }).Language);
}
