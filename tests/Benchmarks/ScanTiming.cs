using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OobWizard.Benchmarks;

/// <summary>
/// `scan` wall time and peak memory against a lab fleet of N devices (issue 14), side by side with the same devices
/// checked one after another (`--parallel 1`). The fleet runs in a process of its own (`lab serve --fleet`), so the
/// scan's memory is its own; the scan runs as the real command line in another process and reports its peak resident
/// set (VmHWM) as it exits. For large N the serial figure is extrapolated from a measured sample of the list (the list
/// is shuffled, so a prefix has the fleet's mix), and the report says so.
/// Run: dotnet run -c Release --project tests/Benchmarks -- scan-timing [--sizes 100,1000,10000] [--runs 3]
///      [--parallel 256] [--delay-ms 0] [--first-contact 3] [--serial-sample 200] [--mix M]
/// Goal (2-core machine): 1,000 devices under 10 s, 10,000 under 60 s, peak under 300 MB.
/// </summary>
public static partial class ScanTiming
{
    /// <summary>A share unhealthy and a share silent, as a site looks.</summary>
    private const string DefaultMix = "healthy=80,cert-hash-missing=5,redirection-disabled=3,renamed=2,power-state-only=2,other-management-solution=1,cert-expired=2,silent=5";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "100,1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var runs = int.Parse(Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var parallel = Option(args, "--parallel", "256");
        var delay = Option(args, "--delay-ms", "0");
        var firstContact = Option(args, "--first-contact", "3");
        var sample = int.Parse(Option(args, "--serial-sample", "200"), CultureInfo.InvariantCulture);
        var mix = Option(args, "--mix", DefaultMix);
        var dir = Directory.CreateTempSubdirectory("oobw-scan-timing-").FullName;
        const string password = "Bench-Pass-42";
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load before: {Load()}");
        Console.WriteLine($"fleet mix {mix}; device answers each WS-Man request after {delay} ms, one at a time; scan --parallel {parallel} --first-contact-timeout {firstContact}");
        Console.WriteLine("     N  run  wall(s)  peak(MB)  devices/s  exit  lines");
        var rows = new List<string>();
        try
        {
            foreach (var n in sizes)
            {
                var targets = Path.Combine(dir, $"fleet-{n}.csv");
                using var lab = Start(["cli", "--lang", "en", "lab", "serve", "--fleet", Text(n), "--mix", mix, "--write-targets", targets, "--response-delay", delay], password);
                var ports = await PortsAsync(lab);
                string[] Scan(string list, string par) =>
                [
                    "cli", "scan", "--targets", list, "--http-port", ports.Http, "--tls-port", ports.Tls, "--redirection-port", ports.Redirection,
                    "--rmcp-port", ports.Rmcp, "--first-contact-timeout", firstContact, "--parallel", par, "--json",
                ];

                await MeasureAsync(Scan(targets, parallel), password); // warm-up: file cache, the lab's first handshakes
                var measured = new List<Measure>();
                for (var i = 0; i < runs; i++)
                {
                    var m = await MeasureAsync(Scan(targets, parallel), password);
                    measured.Add(m);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n,6}  {i + 1,3}  {m.Wall.TotalSeconds,7:0.00}  {m.PeakMb,8:0}  {n / m.Wall.TotalSeconds,9:0}  {m.Exit,4}  {m.Lines,5}"));
                }

                // The same devices one after another: all of them, or a prefix of the shuffled list, scaled up.
                var take = Math.Min(n, sample);
                var serialList = take == n ? targets : Prefix(targets, take, Path.Combine(dir, $"serial-{n}.csv"));
                var serial = await MeasureAsync(Scan(serialList, "1"), password);
                var serialWall = serial.Wall.TotalSeconds * n / take;
                var median = measured.Select(m => m.Wall.TotalSeconds).Order().ElementAt(measured.Count / 2);
                var peak = measured.Select(m => m.PeakMb).Order().ElementAt(measured.Count / 2);
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{n,6}  {median,8:0.00}  {peak,8:0}  {serialWall,10:0.0}{(take == n ? " (measured)    " : $" (from {take,5})  ")}  {serialWall / median,6:0.0}x"));
                lab.Kill(entireProcessTree: true);
                await lab.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine($"medians of {runs} runs; load after: {Load()}");
        Console.WriteLine("     N  scan(s)  peak(MB)  one-by-one(s)                  ratio");
        foreach (var r in rows) Console.WriteLine(r);
        return 0;
    }

    private sealed record Measure(TimeSpan Wall, double PeakMb, int Exit, int Lines);

    private sealed record Ports(string Http, string Tls, string Redirection, string Rmcp);

    /// <summary>The benchmark binary itself, in its `cli` mode: the real command line in a process of its own.</summary>
    private static Process Start(string[] args, string password)
    {
        // Under `dotnet run` or `dotnet X.dll` the process is the dotnet host: then run the assembly through it.
        var self = Environment.ProcessPath!;
        var viaHost = Path.GetFileNameWithoutExtension(self) == "dotnet";
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (viaHost) info.ArgumentList.Add(typeof(ScanTiming).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["OOBW_AMT_PASSWORD"] = password;
        return Process.Start(info)!;
    }

    private static async Task<Ports> PortsAsync(Process lab)
    {
        while (await lab.StandardOutput.ReadLineAsync() is { } line)
        {
            if (PortsLine().Match(line) is { Success: true } m)
            {
                var ports = new Ports(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
                // Wait for the fleet to say it is serving, then let its output drain in the background.
                while (await lab.StandardOutput.ReadLineAsync() is { } rest && !rest.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                }

                _ = lab.StandardOutput.ReadToEndAsync();
                _ = lab.StandardError.ReadToEndAsync();
                return ports;
            }
        }

        throw new InvalidOperationException("the lab fleet did not start: " + await lab.StandardError.ReadToEndAsync());
    }

    private static async Task<Measure> MeasureAsync(string[] args, string password)
    {
        var watch = Stopwatch.StartNew();
        using var scan = Start(args, password);
        scan.StandardInput.Close();
        var lines = 0;
        var reading = Task.Run(async () =>
        {
            while (await scan.StandardOutput.ReadLineAsync() is not null) lines++;
        });
        var err = await scan.StandardError.ReadToEndAsync();
        await reading;
        await scan.WaitForExitAsync();
        var wall = watch.Elapsed;
        var peak = PeakLine().Match(err) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : double.NaN;
        return new Measure(wall, peak, scan.ExitCode, lines);
    }

    /// <summary>The first <paramref name="count"/> targets of a list (comments and header kept), for the serial sample.</summary>
    private static string Prefix(string list, int count, string path)
    {
        var lines = File.ReadAllLines(list);
        var head = lines.TakeWhile(l => l.StartsWith('#') || l.StartsWith("host,", StringComparison.Ordinal)).ToList();
        File.WriteAllLines(path, head.Concat(lines.Skip(head.Count).Take(count)));
        return path;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Ports: http (\d+)\s+tls (\d+)\s+redirection (\d+)/\d+\s+rmcp udp (\d+)")]
    private static partial Regex PortsLine();

    [GeneratedRegex(@"peak-rss-kb (\d+)")]
    private static partial Regex PeakLine();
}
