using BenchmarkDotNet.Attributes;
using OobWizard.Cli.Rendering;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Export;
using Spectre.Console;

namespace OobWizard.Benchmarks;

/// <summary>Per-step cost: a transition, drawing a long diagnosis at 80 columns (en, ja), exports.</summary>
[MemoryDiagnoser]
public class WizardBenchmarks
{
    private ContentSet _content = null!;
    private IAnsiConsole _console = null!;
    private StringWriter _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _content = ContentLoader.Load(RepoPaths.Content);
        _sink = new StringWriter();
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Out = new AnsiConsoleOutput(_sink),
        });
        _console.Profile.Width = 80;
    }

    [Benchmark]
    public WizardState FireChoiceThenBack()
    {
        var s = WizardEngine.Fire(_content.Tree, WizardState.Initial, Trigger.Choose("power-state-only")).State;
        s = WizardEngine.Fire(_content.Tree, s, Trigger.Choose(_content.Tree[s.Current].Choices[0].Id)).State;
        return WizardEngine.Fire(_content.Tree, s, Trigger.Back).State;
    }

    [Benchmark]
    [Arguments("en")]
    [Arguments("ja")]
    public int RenderDiagnosis(string lang)
    {
        _sink.GetStringBuilder().Clear();
        _console.Write(new MarkdownRenderer().Render(_content.Text(lang, "console.wireless-name-resolution").Body));
        return _sink.GetStringBuilder().Length;
    }

    [Benchmark]
    public int GraphJson() => GraphExporter.ToJson(_content.Tree).Length;

    [Benchmark]
    public int ChecklistConsoleCannotConnect() =>
        ChecklistExporter.ToMarkdown(_content, "de", ChecklistExporter.FindSymptom(_content.Tree, "console-cannot-connect")!).Length;
}
