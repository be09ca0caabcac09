using BenchmarkDotNet.Attributes;
using OobWizard.Core.Content;
using OobWizard.Core.Lint;

namespace OobWizard.Benchmarks;

/// <summary>Start-up cost: loading the whole content (tree + 3 languages) and linting it.</summary>
[MemoryDiagnoser]
public class ContentBenchmarks
{
    private ContentSet _content = null!;

    [GlobalSetup]
    public void Setup() => _content = ContentLoader.Load(RepoPaths.Content);

    [Benchmark]
    public ContentSet LoadContent() => ContentLoader.Load(RepoPaths.Content);

    [Benchmark]
    public int Lint() => ContentLinter.Lint(_content).Count;
}
