using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Tui;
using OobWizard.Core.Engine;
using Terminal.Gui.Drawing;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// NO_COLOR: no colour anywhere on the screen (Terminal.Gui alone still paints 16 colours), and
/// inline code still told apart from the text around it, by reverse video.
/// </summary>
public sealed class MonochromeTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Fact]
    public void NoColor_PaintsNoColour_AndInlineCodeInReverseVideo()
    {
        var ctl = _f.Offline();
        ctl.Fire(Trigger.Jump("prov.cert-hash-missing"));
        using var ui = TuiHarness.Start(ctl, monochrome: true);
        var (cells, codeStyles, textStyle) = Paint(ui, "Oobmgmt.log");

        Assert.All(cells, a => Assert.True(a.Foreground == Color.None && a.Background == Color.None, $"a coloured cell: {a}"));
        Assert.All(codeStyles, s => Assert.True(s.HasFlag(TextStyle.Reverse)));
        Assert.False(textStyle.HasFlag(TextStyle.Reverse));
    }

    [Fact]
    public void WithColour_InlineCodeHasItsColour()
    {
        var ctl = _f.Offline();
        ctl.Fire(Trigger.Jump("prov.cert-hash-missing"));
        using var ui = TuiHarness.Start(ctl, monochrome: false);
        var (cells, _, _) = Paint(ui, "Oobmgmt.log");

        Assert.Contains(cells, a => a.Foreground != Color.None);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("", false)]
    public void NoColor_IsReadFromTheEnvironment(string value, bool monochrome)
    {
        Assert.Equal(monochrome, TuiTheme.FromEnvironment(n => n == "NO_COLOR" ? value : null).Monochrome);
    }

    // Every cell's attribute, the styles of the cells showing the code word, and the style of the text before it.
    private static (List<Terminal.Gui.Drawing.Attribute> Cells, List<TextStyle> Code, TextStyle Text) Paint(TuiHarness ui, string code) => ui.Read(app =>
    {
        app.LayoutAndDraw(forceRedraw: true);
        var contents = app.Driver!.Contents!;
        var rows = app.Driver.ToString()!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var cells = new List<Terminal.Gui.Drawing.Attribute>();
        var codeStyles = new List<TextStyle>();
        var text = TextStyle.None;
        for (var r = 0; r < app.Driver.Rows; r++)
        {
            for (var c = 0; c < app.Driver.Cols; c++)
            {
                if (contents[r, c].Attribute is { } a)
                {
                    cells.Add(a);
                }
            }

            var at = rows[r].IndexOf(code, StringComparison.Ordinal);
            if (at > 1 && codeStyles.Count == 0)
            {
                for (var c = at; c < at + code.Length; c++)
                {
                    codeStyles.Add(contents[r, c].Attribute!.Value.Style);
                }

                text = contents[r, at - 2].Attribute!.Value.Style;
            }
        }

        Assert.NotEmpty(codeStyles);
        return (cells, codeStyles, text);
    });

    public void Dispose() => _f.Dispose();
}
