using System.Globalization;
using BenchmarkDotNet.Running;
using OobWizard.Cli;

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
