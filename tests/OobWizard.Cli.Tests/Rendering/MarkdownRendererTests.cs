using Markdig.Syntax;
using OobWizard.Cli.Rendering;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using Spectre.Console;
using Spectre.Console.Testing;

namespace OobWizard.Cli.Tests.Rendering;

/// <summary>
/// Golden pairs: Golden/NAME.md rendered at a width must equal Golden/NAME.WIDTH.txt. To accept a
/// deliberate change, run with OOBW_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class MarkdownRendererTests
{
    private static string GoldenDir =>
        Path.Combine(Repo.Root, "tests", "OobWizard.Cli.Tests", "Rendering", "Golden");

    public static string Render(string markdown, int width, bool unicode = true)
    {
        var console = new TestConsole().Width(width).SupportsUnicode(unicode).Colors(ColorSystem.NoColors);
        var renderer = new MarkdownRenderer(unicode: unicode, alertTitle: k => k);
        console.Write(renderer.Render(markdown));
        Assert.Empty(renderer.Unhandled);
        return TestConsoleKeys.Trimmed(console.Output);
    }

    [Theory]
    [InlineData("constructs", 80)]
    [InlineData("constructs", 40)]
    [InlineData("japanese", 80)]
    [InlineData("japanese", 40)]
    public void Renders_AsTheGoldenText(string name, int width)
    {
        var actual = Render(File.ReadAllText(Path.Combine(GoldenDir, name + ".md")), width);
        var golden = Path.Combine(GoldenDir, $"{name}.{width}.txt");
        if (Environment.GetEnvironmentVariable("OOBW_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        Assert.Equal(File.ReadAllText(golden).Replace("\r\n", "\n"), actual);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(40)]
    public void NoLine_IsWiderThanTheTerminal_EvenInJapanese(int width)
    {
        var text = Render(File.ReadAllText(Path.Combine(GoldenDir, "japanese.md")), width);

        Assert.All(text.Split('\n'), line => Assert.True(Cells(line) <= width, $"{Cells(line)} cells: {line}"));
    }

    [Fact]
    public void JapaneseText_LosesNoCharacter_WhenWrapped()
    {
        const string sentence = "帯域外管理コンソールを実行しているコンピューターで、管理者としてコマンドプロンプトを開きます。";
        var text = Render(sentence, 30);

        Assert.Equal(sentence, string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        Assert.True(text.Split('\n').Length >= 3);
        Assert.DoesNotMatch(@"(?m)^[、。]", text); // kinsoku: no line starts with closing punctuation
    }

    [Fact]
    public void JapaneseBrackets_AroundLatinWords_StayWithThem_AtEveryWidth()
    {
        const string sentence = "16992 に接続しようとするクライアントは、接続できないか「Unsupported protocol」になります。「接続中」のままです。";
        for (var width = 12; width <= 60; width++)
        {
            var text = Render(sentence, width);

            Assert.DoesNotMatch(@"(?m)^\s*[」』）、。]", text);
            Assert.DoesNotMatch(@"(?m)[「『（]\s*$", text);
            Assert.Equal(sentence.Replace(" ", ""), string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        }
    }

    [Fact]
    public void SoftLineBreaks_BetweenJapaneseCharacters_AddNoSpace()
    {
        var text = Render("設定を\n確認します。", 80);

        Assert.Equal("設定を確認します。", text.Trim());
    }

    [Fact]
    public void ContentCannotInjectSpectreMarkup()
    {
        var text = Render("Press [red]Enter[/] and [link=https://evil]here[/].", 80);

        Assert.Equal("Press [red]Enter[/] and [link=https://evil]here[/].", text.Trim());
    }

    [Fact]
    public void EveryBlockTypeLintAllows_HasARenderer()
    {
        var renderer = new MarkdownRenderer();
        var doc = MarkdownSupport.Parse(File.ReadAllText(Path.Combine(GoldenDir, "constructs.md")));
        var seen = doc.Descendants<Block>().Select(b => b.GetType()).ToHashSet();
        foreach (var block in doc.Descendants<Block>())
        {
            if (block is LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock or ListItemBlock
                or Markdig.Extensions.Tables.TableRow or Markdig.Extensions.Tables.TableCell)
            {
                continue; // drawn by their parents, or invisible
            }

            Assert.NotNull(renderer.RenderBlock(block));
        }

        // The golden document uses every block type lint accepts (but the invisible ones and indented code).
        var visible = MarkdownSupport.SupportedBlocks.Except([typeof(LinkReferenceDefinitionGroup), typeof(LinkReferenceDefinition), typeof(BlankLineBlock), typeof(CodeBlock)]);
        Assert.All(visible, t => Assert.Contains(t, seen));
        Assert.Empty(renderer.Unhandled);
    }

    [Fact]
    public void AsciiMode_DrawsNoBoxCharacters()
    {
        var text = Render(File.ReadAllText(Path.Combine(GoldenDir, "constructs.md")), 80, unicode: false);

        Assert.DoesNotMatch("[─│╭╮╰╯┌┐└┘•]", text);
        Assert.Contains("* nested bullet", text);
    }

    private static int Cells(string s) => s.Sum(c => CjkBreaker.IsCjk(c) ? 2 : 1);
}
