using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// Quick pass (fewer iterations): add --job short
// `check` against a lab device that answers like real AMT, side by side with its request chain: -- check-timing [runs]
if (args.Length > 0 && args[0] == "check-timing")
{
    return await OobWizard.Benchmarks.CheckTiming.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(OobWizard.Benchmarks.ContentBenchmarks).Assembly).Run(args);
return 0;
