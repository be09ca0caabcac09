using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Content;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using OobWizard.Probes;
using Spectre.Console;
using Spectre.Console.Testing;

namespace OobWizard.Cli.Tests.Wizard;

public sealed class InteractiveFrontEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-ui-").FullName;

    private (InteractiveFrontEnd Ui, WizardController Ctl, TestConsole Console) Create(string lang = "en", int width = 80, int height = 24)
    {
        var console = Screen(width, height).Interactive();
        var (ui, ctl) = Create(console, lang);
        return (ui, ctl, console);
    }

    private (InteractiveFrontEnd Ui, WizardController Ctl) Create(IAnsiConsole console, string lang = "en")
    {
        var content = ContentLoader.Load(Repo.Content);
        var clock = new FixedClock();
        var session = Session.New(clock, lang, target: null, offline: true);
        var ctl = new WizardController(content, session, Path.Combine(_dir, "s.json"), new ProbeRunner([]), () => new ProbeContext(), clock);
        return (new InteractiveFrontEnd(ctl, console), ctl);
    }

    private static TestConsole Screen(int width, int height) =>
        new TestConsole().Width(width).Height(height).SupportsUnicode(true).Colors(ColorSystem.NoColors);

    [Fact]
    public async Task ArrowKeysAndEnter_ChooseTheHighlightedAnswer()
    {
        var (ui, ctl, console) = Create();
        console.Input.Press(ConsoleKey.DownArrow).Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter).Press('q');

        Assert.Equal(0, await ui.RunAsync(CancellationToken.None));

        Assert.Equal("sym.power-state-only", SessionStore.Load(ctl.SessionPath).State.Current);
    }

    [Fact]
    public async Task UpFromTheFirstAnswer_WrapsToTheLast()
    {
        var (ui, ctl, console) = Create();
        console.Input.Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter).Press('q');

        await ui.RunAsync(CancellationToken.None);

        Assert.Equal(ctl.Content.Tree.Symptoms[^1].Next, ctl.Session.State.Current);
    }

    [Fact]
    public async Task LeftArrow_GoesBack_AndQuitSaves()
    {
        var (ui, ctl, console) = Create();
        console.Input.Press('2').Press(ConsoleKey.LeftArrow).Press('q');

        await ui.RunAsync(CancellationToken.None);

        var saved = SessionStore.Load(ctl.SessionPath);
        Assert.Equal(Node.StartId, saved.State.Current);
        Assert.Contains(saved.History, h => h.Event.StartsWith("back", StringComparison.Ordinal));
        Assert.Contains("Session saved", console.Output);
    }

    [Fact]
    public async Task CtrlC_SavesAndLeaves_WithoutReadingFurtherKeys()
    {
        var (ui, ctl, console) = Create();
        console.Input.Press('2').Press(ConsoleKey.C, '\u0003', control: true).Press('1');

        Assert.Equal(0, await ui.RunAsync(CancellationToken.None));

        Assert.Equal("sym.console-cannot-connect", SessionStore.Load(ctl.SessionPath).State.Current);
        Assert.True(console.Input.IsKeyAvailable()); // the '1' after Ctrl+C was never read
    }

    [Fact]
    public async Task L_CyclesTheLanguage_AndTheScreenFollows()
    {
        var (ui, ctl, console) = Create();
        console.Input.Press('l').Press('l').Press('q');

        await ui.RunAsync(CancellationToken.None);

        Assert.Equal("ja", SessionStore.Load(ctl.SessionPath).Language);
        Assert.Contains("どのような問題が起きていますか", console.Output);
        Assert.Contains("Was funktioniert nicht?", console.Output);
    }

    [Fact]
    public async Task AClosedTerminal_SavesAndEnds()
    {
        var console = new ClosingTerminalConsole();
        var (ui, ctl) = Create(console);
        console.Keys.Push('1');

        Assert.Equal(0, await ui.RunAsync(CancellationToken.None));

        Assert.Equal("sym.cannot-provision", SessionStore.Load(ctl.SessionPath).State.Current);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public async Task ALongDiagnosis_FitsTheScreen_AndScrolls(string lang)
    {
        var (ui, ctl, console) = Create(lang);
        ctl.Fire(Core.Engine.Trigger.Jump("console.power-state-only"));
        console.Input.Press(ConsoleKey.PageDown).Press('q');

        await ui.RunAsync(CancellationToken.None);

        var text = ctl.Content.Text(lang, "console.power-state-only");
        Assert.Contains(ctl.Content.ChoiceLabel(lang, "console.power-state-only", "fixed"), console.Output);
        Assert.Contains(ctl.Content.Ui(lang, "app.name"), console.Output);
        Assert.NotEmpty(text.Body);
    }

    public static TheoryData<string, string> ScreensToCheck()
    {
        var data = new TheoryData<string, string>();
        foreach (var lang in Languages.All)
        {
            foreach (var node in new[] { "start", "console.power-state-only", "prov.cert-hash-missing", "end.escalate", "sym.log-file" })
            {
                data.Add(lang, node);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScreensToCheck))]
    public void EveryScreen_FitsIn80x24(string lang, string node)
    {
        var (ui, ctl, _) = Create(lang);
        ctl.Fire(Core.Engine.Trigger.Jump(node));
        var screen = Screen(80, 24);

        screen.Write(ui.Screen());

        var lines = TestConsoleKeys.Trimmed(screen.Output).TrimEnd('\n').Split('\n');
        Assert.True(lines.Length <= 24, $"{lines.Length} lines:\n{string.Join('\n', lines)}");
        Assert.All(lines, l => Assert.True(Cells(l) <= 80, l));
        Assert.Contains(ctl.Content.Ui(lang, ctl.Current.Kind == NodeKind.Probe ? "keys.probe" : "keys")[..5], lines[^1]);
    }

    [Theory]
    [InlineData("ja", "start")]
    [InlineData("de", "start")]
    [InlineData("en", "sym.log-file")]
    [InlineData("ja", "console.power-state-only")]
    public void OnASmallTerminal_TheMenuScrolls_AndTheScreenStillFits(string lang, string node)
    {
        var (ui, ctl, _) = Create(lang, width: 50, height: 16);
        ctl.Fire(Core.Engine.Trigger.Jump(node));
        var screen = Screen(50, 16);

        screen.Write(ui.Screen());

        var lines = TestConsoleKeys.Trimmed(screen.Output).TrimEnd('\n').Split('\n');
        Assert.True(lines.Length <= 16, $"{lines.Length} lines:\n{string.Join('\n', lines)}");
        Assert.All(lines, l => Assert.True(Cells(l) <= 50, l));
        Assert.Contains("❯", string.Join('\n', lines)); // the selected answer is always on screen
    }

    private static int Cells(string s) => s.Sum(c => OobWizard.Cli.Rendering.CjkBreaker.IsCjk(c) ? 2 : 1);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class FixedClock : IClock
    {
        public DateTimeOffset Now => new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    }
}
