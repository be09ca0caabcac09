using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OobWizard.Cli;
using OobWizard.Lab;

namespace OobWizard.Benchmarks;

/// <summary>
/// `check` wall time against the device's own request chain, side by side (issue 8 item 7). A lab device answers each
/// WS-Man request in 250 ms, one at a time, as real AMT does on a LAN; the device measures the time it spent serving
/// (the request chain, the floor of any check). The goal: wall time at most 1.1x the chain. Also: a closed target
/// must be reported well inside the timeout.
/// Run: dotnet run -c Release --project tests/Benchmarks -- check-timing [runs]
/// </summary>
public static class CheckTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 5;
        var delay = TimeSpan.FromMilliseconds(250);
        var model = new LabDeviceModel { ResponseDelay = delay };
        var scenario = LabScenarios.Healthy with { CreateModel = () => model };
        await using var device = await LabDevice.StartAsync(scenario, IPAddress.Parse("127.213.0.1"), LabPorts.Ephemeral, LabCredentials.Random());
        var e = device.Endpoint;
        string[] check =
        [
            "check", "--target", e.Host, "--http-port", Text(e.HttpPort), "--tls-port", Text(e.TlsPort),
            "--redirection-port", Text(e.RedirectionPort ?? 1), "--rmcp-port", Text(e.RmcpPort ?? 1), "--timeout", "30",
        ];

        await CheckAsync(check, e.Password); // warm-up: JIT, first TLS handshake of the process
        var ratios = new List<double>();
        Console.WriteLine($"device answers each WS-Man request in {delay.TotalMilliseconds:0} ms, one at a time");
        Console.WriteLine("run  wall(s)  chain(s)  requests  ratio");
        for (var i = 0; i < runs; i++)
        {
            var busyBefore = device.BusyTime;
            var requestsBefore = device.RequestCount;
            var (wall, exit) = await CheckAsync(check, e.Password);
            var chain = device.BusyTime - busyBefore;
            var ratio = wall.TotalSeconds / chain.TotalSeconds;
            ratios.Add(ratio);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i + 1,3}  {wall.TotalSeconds,7:0.000}  {chain.TotalSeconds,8:0.000}  {device.RequestCount - requestsBefore,8}  {ratio,5:0.000}  (exit {exit})"));
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median ratio check/chain: {ratios[ratios.Count / 2]:0.000} (goal <= 1.1)"));

        // A closed target: every port refuses. Reported well inside the 10 s timeout?
        var closed = IPAddress.Parse("127.213.0.2");
        var (closedWall, closedExit) = await CheckAsync(["check", "--target", closed.ToString(), "--http-port", Text(FreePort(closed)), "--tls-port", Text(FreePort(closed)),
            "--redirection-port", Text(FreePort(closed)), "--rmcp-port", Text(FreePort(closed)), "--timeout", "10"], "x");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"closed target: {closedWall.TotalSeconds:0.000} s against a 10 s timeout (ratio {closedWall.TotalSeconds / 10:0.000}, exit {closedExit})"));
        return 0;
    }

    private static async Task<(TimeSpan Wall, int Exit)> CheckAsync(string[] args, string password)
    {
        var host = new CliHost
        {
            In = new StringReader(""),
            Out = new StringWriter(),
            Err = new StringWriter(),
            Env = name => name == "OOBW_AMT_PASSWORD" ? password : null,
            IsTerminal = false,
        };
        var watch = Stopwatch.StartNew();
        var exit = await CliApp.RunAsync(args, host);
        return (watch.Elapsed, exit);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
