using System.Globalization;
using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// Quick pass (fewer iterations): add --job short
// The log-triage corpus (generated, never committed): dotnet run -c Release --project tests/Benchmarks -- log-corpus FILE MIB
if (args is ["log-corpus", var file, var mib])
{
    OobWizard.Benchmarks.LogCorpus.Write(file, long.Parse(mib, CultureInfo.InvariantCulture) << 20);
    return 0;
}

// The fixed fragments the log triage searches for (every signature text, one a line), for a side-by-side
// run against ripgrep: dotnet run -c Release --project tests/Benchmarks -- log-fragments FILE
if (args is ["log-fragments", var fragments])
{
    var tree = OobWizard.Core.Content.ContentLoader.Load(OobWizard.Benchmarks.RepoPaths.Content).Tree;
    File.WriteAllLines(fragments, OobWizard.Cli.Commands.LogsCommand.Signatures(tree)
        .Select(s => s.Text)
        .Where(t => t.Length > 0)
        .Distinct(StringComparer.Ordinal));
    return 0;
}

// `check` against a lab device that answers like real AMT, side by side with its request chain: -- check-timing [runs]
if (args.Length > 0 && args[0] == "check-timing")
{
    return await OobWizard.Benchmarks.CheckTiming.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(OobWizard.Benchmarks.ContentBenchmarks).Assembly).Run(args);
return 0;
