using System.Text;
using BenchmarkDotNet.Attributes;
using OobWizard.Core.Content;
using OobWizard.Core.Lint;

namespace OobWizard.Benchmarks;

/// <summary>
/// Load and lint of the shipped content plus a runaway tree file (kept under the 4 MiB tree-file cap):
/// <see cref="Choices"/> answers in one node, or spread over nodes of 50. Linear means 100,000 costs
/// about 10x 10,000 (issue 10 item 14: one node of 300,000 used to take minutes, quadratic in the
/// duplicate check; a file that size is now refused before it is parsed).
/// </summary>
[MemoryDiagnoser]
public class LintScalingBenchmarks
{
    private string _root = null!;

    [Params(10_000, 100_000)]
    public int Choices { get; set; }

    [Params("one-node", "many-nodes")]
    public string Shape { get; set; } = "one-node";

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("oobw-bench-lint-").FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(_root, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        File.WriteAllText(Path.Combine(_root, "tree", "90-big.yaml"), Shape == "one-node" ? OneNode(Choices) : ManyNodes(Choices / 50, 50));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int LoadAndLint() => ContentLinter.Lint(ContentLoader.Load(_root)).Count;

    private static string OneNode(int choices)
    {
        var sb = new StringBuilder("- id: sym.big\n  kind: question\n  choices:\n");
        for (var i = 0; i < choices; i++)
        {
            sb.Append("    - id: c").Append(i).Append("\n      next: end.escalate\n");
        }

        return sb.ToString();
    }

    private static string ManyNodes(int nodes, int choices)
    {
        var sb = new StringBuilder();
        for (var n = 0; n < nodes; n++)
        {
            sb.Append("- id: q.big.").Append(n).Append("\n  kind: question\n  choices:\n");
            for (var i = 0; i < choices; i++)
            {
                sb.Append("    - id: c").Append(i).Append("\n      next: end.escalate\n");
            }
        }

        return sb.ToString();
    }
}
