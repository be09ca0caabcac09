using OobWizard.Cli.Rendering;

namespace OobWizard.Cli.Tests.Rendering;

/// <summary>Sentences on a terminal of a known width: wrapped between words (German) or characters (Japanese), never cut inside a word.</summary>
public sealed class WrappedTextTests
{
    private static List<string> Write(string text, int? width, string prefix = "", int? hang = null)
    {
        var w = new StringWriter();
        WrappedText.Write(w, text, width, prefix, hang);
        return [.. w.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];
    }

    [Fact]
    public void German_wraps_between_words_with_a_hanging_indent_and_loses_no_word()
    {
        const string text = "Lab-Flotte: 20 Adressen, 127.100.0.1 bis 127.100.0.20 (gemeinsame Listener auf Loopback)";

        var lines = Write(text, 40, hang: 2);

        Assert.True(lines.Count > 1, string.Join("\n", lines));
        Assert.All(lines, l => Assert.True(WrappedText.Columns(l) <= 40, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith("  ", l, StringComparison.Ordinal));
        Assert.Equal(text.Split(' '), string.Join(" ", lines.Select(l => l.Trim())).Split(' '));
    }

    [Fact]
    public void Japanese_wraps_between_characters_within_the_width_and_no_line_starts_with_closing_punctuation()
    {
        const string text = "エンタープライズ CA の CRL 配布ポイントが応答しないため、WinRM が失効を確認できません。";

        var lines = Write(text, 30, prefix: "    ");

        Assert.True(lines.Count > 1, string.Join("\n", lines));
        Assert.All(lines, l => Assert.True(WrappedText.Columns(l) <= 30, l));
        Assert.All(lines, l => Assert.StartsWith("    ", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.DoesNotMatch("^ *[、。)]", l));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines.Select(l => l.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Without_a_width_or_when_it_fits_it_is_one_line_as_given()
    {
        Assert.Equal(["   - a short line"], Write("a short line", 80, "   - "));
        Assert.Equal(["  " + new string('x', 200)], Write(new string('x', 200), null, "  "));
    }
}
