using OobWizard.Core.Content;

namespace OobWizard.Core.Tests.Content;

public sealed class LanguageSelectionTests
{
    private static string From(params (string Name, string Value)[] vars)
    {
        var env = vars.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return Languages.FromEnvironment(name => env.GetValueOrDefault(name));
    }

    [Theory]
    [InlineData("de_DE.UTF-8", "de")]
    [InlineData("ja_JP.UTF-8", "ja")]
    [InlineData("en_US.UTF-8", "en")]
    [InlineData("de", "de")]
    [InlineData("de_AT@euro", "de")]
    [InlineData("C", "en")]
    [InlineData("C.UTF-8", "en")]
    [InlineData("POSIX", "en")]
    [InlineData("fr_FR.UTF-8", "en")]
    public void Lang_gives_the_language_it_names_or_english(string lang, string expected)
    {
        Assert.Equal(expected, From(("LANG", lang)));
    }

    [Fact]
    public void No_locale_variables_give_english()
    {
        Assert.Equal("en", From());
    }

    [Fact]
    public void Empty_locale_variables_count_as_unset()
    {
        Assert.Equal("ja", From(("LC_ALL", ""), ("LC_MESSAGES", " "), ("LANG", "ja_JP.UTF-8")));
    }

    [Fact]
    public void Lc_all_wins_over_lang()
    {
        Assert.Equal("de", From(("LC_ALL", "de_DE.UTF-8"), ("LANG", "ja_JP.UTF-8")));
    }

    [Fact]
    public void Lc_all_set_to_c_means_english_even_when_lang_names_another_language()
    {
        Assert.Equal("en", From(("LC_ALL", "C"), ("LANG", "de_DE.UTF-8")));
    }

    [Fact]
    public void Lc_messages_wins_over_lang_but_not_over_lc_all()
    {
        Assert.Equal("ja", From(("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "de_DE.UTF-8")));
        Assert.Equal("de", From(("LC_ALL", "de_DE.UTF-8"), ("LC_MESSAGES", "ja_JP.UTF-8")));
    }
}
