using System.Globalization;
using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// Quick pass (fewer iterations): add --job short
// The log-triage corpus (generated, never committed): dotnet run -c Release --project tests/Benchmarks -- log-corpus FILE MIB
if (args is ["log-corpus", var file, var mib])
{
    OobWizard.Benchmarks.LogCorpus.Write(file, long.Parse(mib, CultureInfo.InvariantCulture) << 20);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(OobWizard.Benchmarks.ContentBenchmarks).Assembly).Run(args);
