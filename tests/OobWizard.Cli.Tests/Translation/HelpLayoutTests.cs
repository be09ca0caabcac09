using OobWizard.Cli.Localization;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>Translated --help fits the terminal in display columns (a Japanese character takes two), its second column aligned.</summary>
public sealed class HelpLayoutTests
{
    private const string Help =
        "オプション:\n" +
        "  --content <content>                  コンテンツ フォルダー (既定: oobwizard に同梱のもの)\n" +
        "  --first-contact-timeout <first-contact-timeout>  デバイスとの最初の接続にかけてよい秒数。スリープ後の AMT は数十秒かかることがあります (既定 20) [既定: 20]\n" +
        "  --plain                              行モード: 色やカーソル移動なし。番号で答えを stdin から入力\n" +
        "  help <cert|check|checklist|completion|content|demo|environment|exit-codes|graph|help|install|lab>  ヘルプ トピックを読みます\n";

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(40)]
    public void No_line_is_wider_than_the_terminal(int width)
    {
        var lines = HelpLayout.Reflow(Help, width).Split('\n');

        Assert.All(lines, l => Assert.True(HelpLayout.Cells(l) <= width, $"{HelpLayout.Cells(l)} columns: {l}"));
        // Nothing lost: the same words, in order.
        Assert.Equal(Squeeze(Help), Squeeze(string.Join("", lines)));
    }

    [Fact]
    public void Without_a_terminal_the_rows_stay_as_they_are() =>
        Assert.Equal(Help, HelpLayout.Reflow(Help, int.MaxValue));

    [Fact]
    public void A_line_never_starts_with_closing_punctuation()
    {
        var lines = HelpLayout.Wrap("行モード: 色やカーソル移動なし。番号で答えを stdin から入力します。続きの文、ここまで。", 12);

        Assert.All(lines, l => Assert.DoesNotMatch("^[、。):]", l));
        Assert.All(lines, l => Assert.True(HelpLayout.Cells(l) <= 12, l));
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
