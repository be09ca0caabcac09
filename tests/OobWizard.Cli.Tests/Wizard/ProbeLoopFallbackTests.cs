using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using OobWizard.Probes;
using Spectre.Console;
using Spectre.Console.Testing;

namespace OobWizard.Cli.Tests.Wizard;

/// <summary>
/// Content whose probe verdicts lead round in a loop (issue 10, item 12) made the wizard probe forever
/// (2,500 steps in 25 s). Now the engine refuses the verdict after the bound, and both front ends say
/// so and ask the node's manual question.
/// </summary>
public sealed class ProbeLoopFallbackTests : IDisposable
{
    private const string LoopYaml = """
        - id: start
          kind: start
          choices:
            - id: loop
              next: p.a

        - id: p.a
          kind: probe
          probe: test.loop
          verdicts:
            pass: p.b
          choices:
            - id: yes
              next: end.resolved

        - id: p.b
          kind: probe
          probe: test.loop
          verdicts:
            pass: p.a
          choices:
            - id: yes
              next: end.resolved

        - id: end.resolved
          kind: end

        - id: end.escalate
          kind: end
        """;

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-loop-").FullName;

    private (WizardController Ctl, CountingProbe Probe) Create()
    {
        var shipped = ContentLoader.Load(Repo.Content);
        var issues = new List<ContentIssue>();
        var tree = new DecisionTree(TreeLoader.LoadFile("loop.yaml", LoopYaml, issues));
        Assert.Empty(issues);
        var content = new ContentSet(tree, shipped.Texts, shipped.UiStrings, [], shipped.UiFiles);
        var clock = new FixedClock();
        var probe = new CountingProbe();
        var ctl = new WizardController(content, Session.New(clock, "en", "127.0.0.1", offline: false), Path.Combine(_dir, "s.json"), new ProbeRunner([probe]), () => new ProbeContext(), clock);
        return (ctl, probe);
    }

    [Fact]
    public async Task The_plain_wizard_stops_probing_after_the_bound_and_asks_the_manual_question()
    {
        var (ctl, probe) = Create();
        var console = new TestConsole().Width(80).Colors(ColorSystem.NoColors);

        var exit = await new PlainFrontEnd(ctl, console, new StringReader("1\n")).RunAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.Equal(0, exit);
        Assert.Equal(WizardMachine.MaxAutomaticMoves + 1, probe.Runs);
        Assert.Contains("automatic moves in a row", console.Output);
        Assert.Contains("1) ", console.Output[console.Output.LastIndexOf("automatic moves", StringComparison.Ordinal)..]); // the manual question follows
        var saved = SessionStore.Load(ctl.SessionPath);
        Assert.Equal(NodeKind.Probe, ctl.Content.Tree[saved.State.Current].Kind);
        Assert.Contains(saved.History, h => h.Event.StartsWith("refused verdict:pass", StringComparison.Ordinal));
    }

    [Fact]
    public void The_full_screen_wizard_stops_probing_after_the_bound_and_asks_the_manual_question()
    {
        var (ctl, probe) = Create();
        using var ui = TuiHarness.Start(ctl);

        ui.Answer(1); // into the loop: the checks run in the background, one verdict after another
        Assert.True(ui.WaitUntil(() => !ui.Window.Probing && ui.Window.Message is not null, Generous), ui.ScreenText());

        Assert.Equal(WizardMachine.MaxAutomaticMoves + 1, probe.Runs);
        Assert.Contains("automatic moves in a row", ui.Window.Message);
        Assert.Equal(NodeKind.Probe, ctl.Current.Kind);
        Assert.Contains(ctl.Session.History, h => h.Event.StartsWith("refused verdict:pass", StringComparison.Ordinal));
        Assert.Single(ui.Read(() => ui.Window.Answers.Labels)); // the manual question is offered ("yes")
        ui.Answer(1);
        Assert.Equal("end.resolved", ctl.Current.Id);
        Assert.Equal(WizardMachine.MaxAutomaticMoves + 1, probe.Runs); // answering did not probe again
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class CountingProbe : IProbe
    {
        public int Runs { get; private set; }

        public string Id => "test.loop";

        public string Description => "always passes";

        public IReadOnlyList<string> Verdicts => ["pass"];

        public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.FromResult(ProbeResult.Pass(Id, "passes"));
        }
    }

    private sealed class FixedClock : IClock
    {
        public DateTimeOffset Now => new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    }
}
