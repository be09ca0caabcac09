using BenchmarkDotNet.Running;
using OobWizard.Cli;

// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// Quick pass (fewer iterations): add --job short
// `check` against a lab device that answers like real AMT, side by side with its request chain: -- check-timing [runs]
// `scan` against a lab fleet of 100 / 1,000 / 10,000 devices, side by side with one by one: -- scan-timing [options]
if (args.Length > 0 && args[0] == "check-timing")
{
    return await OobWizard.Benchmarks.CheckTiming.RunAsync(args);
}

if (args.Length > 0 && args[0] == "scan-timing")
{
    return await OobWizard.Benchmarks.ScanTiming.RunAsync(args);
}

if (args.Length > 0 && args[0] == "cli")
{
    // The real command line in a process of its own (scan-timing runs the fleet and each scan this way), then the
    // process's peak resident set, for the benchmark to read.
    using var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cts.Cancel();
    };
    var exit = await CliApp.RunAsync(args[1..], CliHost.FromProcess(), cts.Token);
    var peak = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    Console.Error.WriteLine($"peak-rss-kb {peak}");
    return exit;
}

BenchmarkSwitcher.FromAssembly(typeof(OobWizard.Benchmarks.ContentBenchmarks).Assembly).Run(args);
return 0;
