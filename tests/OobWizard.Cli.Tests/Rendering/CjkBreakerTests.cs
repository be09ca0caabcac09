using OobWizard.Cli.Rendering;
using OobWizard.Cli.Tui;
using Spectre.Console;

namespace OobWizard.Cli.Tests.Rendering;

/// <summary>
/// Japanese line breaking (kinsoku): at every width, no line ends with an opening bracket and none starts with
/// closing punctuation, and the pieces put back together are the text. An ASCII "(" before Japanese text ended a
/// line at 60 columns (found in the help dialog).
/// </summary>
public sealed class CjkBreakerTests
{
    public static TheoryData<string> Sentences() => new()
    {
        "AMT の設定(ネットワーク)を確認し、証明書(ルート CA)の拇印が登録されていることを確かめます。",
        "コンソールから接続できない場合は (アウトオブバンド管理コンソール) のログを開き、「接続できません」を探します。",
        "設定（ネットワーク）と「AMT」の状態を確認します。Intel AMT (3.2.1 以降) が必要です。",
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void The_pieces_are_the_text_and_no_piece_ends_with_an_opening_bracket_before_more_text(string text)
    {
        var pieces = CjkBreaker.Pieces(text).ToList();

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces.Take(pieces.Count - 1), p => Assert.DoesNotMatch(@"[(（「『【〔〈《]$", p));
        Assert.All(pieces.Skip(1), p => Assert.DoesNotMatch(@"^[、。）」』】〕〉》)]", p));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void At_every_width_no_line_ends_with_an_opening_bracket_or_starts_with_closing_punctuation(string text)
    {
        for (var width = 12; width <= 80; width++)
        {
            var lines = StyledLines.Render(CjkText.Append(new Paragraph(), text, Style.Plain), width).Text.Select(l => l.TrimEnd()).ToList();

            Assert.All(lines, l => Assert.False(l.EndsWith('(') || l.EndsWith('（') || l.EndsWith('「'), $"width {width}: line ends with an opening bracket: '{l}'"));
            Assert.All(lines, l => Assert.False(l.TrimStart().Length > 0 && "、。）」』)".Contains(l.TrimStart()[0]), $"width {width}: line starts with closing punctuation: '{l}'"));
        }
    }
}
